import { Logger } from '@nestjs/common';

/** Which namespace a pod (by UID) lives in; undefined when nobody knows the UID. */
export interface PodNamespaces {
  namespaceOf(podUid: string): Promise<string | undefined>;
}

export interface PodRef {
  readonly uid: string;
  readonly namespace: string;
}

/**
 * The pods of one node, listed once, cached, and listed again when a UID is not in the cache
 * (a new pod) — at most once per `minRefreshMs`, so a cgroup whose pod the API no longer
 * knows does not cost a list call on every read. `listPods` is kubernetesPodLister in
 * production.
 */
export class CachedPodNamespaces implements PodNamespaces {
  private readonly logger = new Logger(CachedPodNamespaces.name);
  private byUid = new Map<string, string>();
  private lastListAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly listPods: () => Promise<readonly PodRef[]>,
    private readonly minRefreshMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async namespaceOf(podUid: string): Promise<string | undefined> {
    const cached = this.byUid.get(podUid);
    if (cached !== undefined || this.now() - this.lastListAt < this.minRefreshMs) return cached;
    this.lastListAt = this.now();
    this.byUid = new Map((await this.listPods()).map((pod) => [pod.uid, pod.namespace]));
    this.logger.debug(`${this.byUid.size} pods listed`);
    return this.byUid.get(podUid);
  }
}

/** A fixed map, for tests and for wiring without a cluster. */
export class StaticPodNamespaces implements PodNamespaces {
  constructor(private readonly byUid: ReadonlyMap<string, string>) {}

  async namespaceOf(podUid: string): Promise<string | undefined> {
    return this.byUid.get(podUid);
  }
}
