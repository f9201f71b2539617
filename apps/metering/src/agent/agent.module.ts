import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ObservabilityModule, RedisReadinessCheck } from '@tally/observability';
import { TransportModule } from '@tally/transport';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import type { CgroupAgent } from '../sources/cgroup-agent/cgroup-agent';
import { createCgroupAgent } from '../sources/cgroup-agent/create-cgroup-agent';
import { RpcSampleSink } from './rpc-sample-sink';

/** Runs the node's cgroup agent for as long as the process lives. */
@Injectable()
class AgentRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private agent: CgroupAgent | undefined;

  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    private readonly sink: RpcSampleSink,
  ) {}

  onApplicationBootstrap(): void {
    this.agent = createCgroupAgent(this.config, this.sink);
    this.agent.start();
  }

  onApplicationShutdown(): void {
    this.agent?.stop();
  }
}

/**
 * `TALLY_METERING_MODE=agent`: one per node (k8s/metering-agent.yaml). No database: it reads
 * the node's cgroups and sends minute samples to the metering service over Redis.
 */
@Module({})
export class AgentModule {
  static forRoot(config: MeteringConfig): DynamicModule {
    return {
      module: AgentModule,
      imports: [
        ObservabilityModule.forRoot({
          app: 'metering-agent',
          logLevel: config.LOG_LEVEL,
          readiness: { useFactory: () => [new RedisReadinessCheck(config.REDIS_URL)] },
        }),
        TransportModule.forClient({
          redisUrl: config.REDIS_URL,
          prefix: config.TALLY_TRANSPORT_PREFIX,
          timeoutMs: config.TALLY_RPC_TIMEOUT_MS,
        }),
      ],
      providers: [{ provide: METERING_CONFIG, useValue: config }, RpcSampleSink, AgentRunner],
    };
  }
}
