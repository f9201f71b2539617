import type { IClusterNamespaces } from '@tally/account/peers/cluster-namespaces';
import type { NamespaceInCluster } from '@tally/transport';

/**
 * What the cluster answers, by namespace: a namespace not listed does not exist, and one
 * answered with an Error cannot be asked about (the call throws it).
 */
export class FakeClusterNamespaces implements IClusterNamespaces {
  /** Every namespace asked about, in order. */
  readonly asked: string[] = [];

  constructor(private readonly answers: Record<string, NamespaceInCluster | Error> = {}) {}

  async inspect(namespace: string): Promise<NamespaceInCluster> {
    this.asked.push(namespace);
    const answer = this.answers[namespace] ?? { exists: false };
    if (answer instanceof Error) throw answer;
    return answer;
  }
}
