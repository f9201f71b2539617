import type {
  ISuspensionCluster,
  KubeObject,
  MergePatch,
  WorkloadKind,
} from '@tally/metering/suspension/suspension-cluster';

/**
 * An in-memory ISuspensionCluster for the suspension use cases' specs: one namespace, merge
 * patches applied as the API server would, every call logged (e.g. "update deployments/web"),
 * and a way to fail a chosen call.
 */
export class FakeSuspensionCluster implements ISuspensionCluster {
  annotations: Record<string, string> = {};
  quota = false;
  pvcs = ['data'];
  readonly objects: Record<WorkloadKind, KubeObject[]> = {
    deployments: [],
    statefulsets: [],
    cronjobs: [],
    horizontalpodautoscalers: [],
  };
  readonly log: string[] = [];
  /** The call (as logged) that throws instead of happening. */
  failOn?: string;

  add(
    kind: WorkloadKind,
    name: string,
    spec: Record<string, unknown>,
    annotations?: Record<string, string>,
  ) {
    this.objects[kind].push({ metadata: { name, annotations }, spec });
    return this;
  }

  find(kind: WorkloadKind, name: string): KubeObject | undefined {
    return this.objects[kind].find((o) => o.metadata.name === name);
  }

  async namespaceAnnotations(): Promise<Record<string, string>> {
    this.record('read namespace');
    return { ...this.annotations };
  }

  async annotateNamespace(_ns: string, annotations: Record<string, string | null>): Promise<void> {
    this.record(
      `annotate ${Object.entries(annotations)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')}`,
    );
    this.annotations = mergeAnnotations(this.annotations, annotations);
  }

  async list(kind: WorkloadKind): Promise<KubeObject[]> {
    this.record(`list ${kind}`);
    return structuredClone(this.objects[kind]);
  }

  async get(kind: WorkloadKind, _ns: string, name: string): Promise<KubeObject | undefined> {
    this.record(`get ${kind}/${name}`);
    const found = this.find(kind, name);
    return found && structuredClone(found);
  }

  async update(
    kind: WorkloadKind,
    _ns: string,
    object: KubeObject,
    decide: (current: KubeObject) => MergePatch | undefined,
  ) {
    const current = this.find(kind, object.metadata.name);
    const patch = current && decide(structuredClone(current));
    if (!current || !patch) return;
    this.record(`update ${kind}/${current.metadata.name}`);
    const { metadata, spec } = patch as {
      metadata?: { annotations?: Record<string, string | null> };
      spec?: Record<string, unknown>;
    };
    current.metadata.annotations = mergeAnnotations(
      current.metadata.annotations ?? {},
      metadata?.annotations ?? {},
    );
    current.spec = { ...current.spec, ...spec };
  }

  async create(kind: WorkloadKind, _ns: string, object: KubeObject) {
    this.record(`create ${kind}/${object.metadata.name}`);
    if (!this.find(kind, object.metadata.name)) this.objects[kind].push(structuredClone(object));
  }

  async delete(kind: WorkloadKind, _ns: string, name: string) {
    this.record(`delete ${kind}/${name}`);
    this.objects[kind] = this.objects[kind].filter((o) => o.metadata.name !== name);
  }

  async deleteAll(kind: WorkloadKind) {
    this.record(`delete all ${kind}`);
    this.objects[kind] = [];
  }

  async deleteAllPersistentVolumeClaims() {
    this.record('delete all pvcs');
    this.pvcs = [];
  }

  async ensureSuspendedQuota() {
    this.record('ensure quota');
    this.quota = true;
  }

  async deleteSuspendedQuota() {
    this.record('delete quota');
    this.quota = false;
  }

  async apiVersion(kind: WorkloadKind): Promise<string> {
    return kind === 'horizontalpodautoscalers' ? 'autoscaling/v2beta2' : 'v1';
  }

  private record(call: string): void {
    if (this.failOn !== undefined && call.startsWith(this.failOn)) {
      throw Object.assign(new Error(`HTTP 500 on ${call}`), { code: 500 });
    }
    this.log.push(call);
  }
}

function mergeAnnotations(
  current: Record<string, string>,
  patch: Record<string, string | null>,
): Record<string, string> {
  const merged: Record<string, string> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
