import { DynamicModule, Module } from '@nestjs/common';
import { loadKubeConfig } from '../kube/kube-config';
import type { MeteringConfig } from '../metering.config';
import { createNamespaceSuspender } from './create-namespace-suspender';
import { NAMESPACE_SUSPENDER } from './namespace-suspender';

/**
 * Provides NAMESPACE_SUSPENDER (a NamespaceSuspender) on the cluster named by KUBECONFIG, or
 * the in-cluster service account. Import it with `SuspensionModule.forRoot(config)`.
 */
@Module({})
export class SuspensionModule {
  static forRoot(config: MeteringConfig): DynamicModule {
    return {
      module: SuspensionModule,
      providers: [
        {
          provide: NAMESPACE_SUSPENDER,
          useFactory: () =>
            createNamespaceSuspender(loadKubeConfig(config.KUBECONFIG), {
              requestTimeoutMs: config.TALLY_KUBE_REQUEST_TIMEOUT_MS,
              concurrency: config.TALLY_SUSPEND_CONCURRENCY,
              reservedNamespaces: config.TALLY_RESERVED_NAMESPACES,
              reclaim: {
                enabled: config.TALLY_RECLAIM_ENABLED,
                deletePersistentVolumeClaims: config.TALLY_RECLAIM_DELETE_PVCS,
              },
            }),
        },
      ],
      exports: [NAMESPACE_SUSPENDER],
    };
  }
}
