import { DynamicModule, Module } from '@nestjs/common';
import { Metrics } from '@tally/observability';
import { RpcClient, RpcClientOptions } from './rpc-client';

@Module({})
export class TransportModule {
  /** For an app that calls other services. */
  static forClient(options: RpcClientOptions): DynamicModule {
    return {
      global: true,
      module: TransportModule,
      providers: [
        {
          provide: RpcClient,
          useFactory: (metrics: Metrics) => new RpcClient(options, metrics),
          inject: [Metrics],
        },
      ],
      exports: [RpcClient],
    };
  }
}
