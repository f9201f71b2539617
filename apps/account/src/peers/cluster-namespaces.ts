import { Injectable } from '@nestjs/common';
import { RpcClient, type NamespaceInCluster } from '@tally/transport';
import { ACCOUNT_SERVICE } from './account-principal';

/** The cluster's namespaces, as metering (which holds the Kubernetes credentials) sees them. */
@Injectable()
export class ClusterNamespaces {
  constructor(private readonly rpc: RpcClient) {}

  inspect(namespace: string): Promise<NamespaceInCluster> {
    return this.rpc.send('metering.namespaces.inspect', {
      principal: ACCOUNT_SERVICE,
      input: { namespace },
    });
  }
}
