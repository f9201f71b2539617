import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { redisOptionsFromUrl } from '@tally/transport';
import { defaultJobOptions } from './job-defaults';
import { QueueName } from './queue-names';

@Module({})
export class QueueModule {
  /** BullMQ on the app's Redis, with Tally's job defaults, and the queues the app uses. */
  static forRoot(redisUrl: string, queues: readonly QueueName[]): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({
          // BullMQ workers block on Redis; they must wait for a reconnect, not give up.
          connection: { ...redisOptionsFromUrl(redisUrl), maxRetriesPerRequest: null },
          defaultJobOptions,
        }),
        BullModule.registerQueue(...queues.map((name) => ({ name }))),
      ],
      exports: [BullModule],
    };
  }
}
