import { Injectable } from '@nestjs/common';
import { RpcClient, type NamespaceInCluster } from '@tally/transport';
import { ACCOUNT_SERVICE } from './account-principal';

/**
 * What the cluster says of a namespace. NamespaceClaims takes this (injected as the class), so
 * that its spec's fake, in libs/testing, is checked against it by the compiler.
 */
export interface IClusterNamespaces {
  inspect(namespace: string): Promise<NamespaceInCluster>;
}

/** The cluster's namespaces, as metering (which holds the Kubernetes credentials) sees them. */
@Injectable()
export class ClusterNamespaces implements IClusterNamespaces {
  constructor(private readonly rpc: RpcClient) {}

  inspect(namespace: string): Promise<NamespaceInCluster> {
    return this.rpc.send('metering.namespaces.inspect', {
      principal: ACCOUNT_SERVICE,
      input: { namespace },
    });
  }
}
