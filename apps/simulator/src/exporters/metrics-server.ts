import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ClusterSnapshot } from '@tally/simulator/cluster/cluster-state';
import { DemoCluster } from '@tally/simulator/cluster/demo-cluster';
import { clusterSamples } from './cluster-samples';
import { toPrometheusText } from './exposition';

/**
 * `GET /metrics`: the cluster's cAdvisor and kube-state-metrics series in one scrape, computed
 * at the moment of the scrape from the pod controller's latest snapshot.
 */
export class MetricsServer {
  private readonly server: Server;

  constructor(
    cluster: DemoCluster,
    snapshot: () => ClusterSnapshot,
    now: () => Date = () => new Date(),
  ) {
    this.server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      const text = toPrometheusText(clusterSamples(cluster, snapshot(), now().getTime() / 1000));
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      response.end(text);
    });
  }

  /** Resolves with the port it listens on (0: any free one). */
  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
