import { randomUUID } from 'node:crypto';
import {
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { defineConfig } from '@tally/config';
import {
  runApp,
  serviceFoundation,
  serviceHealthController,
  type RunningApp,
} from '@tally/runtime';
import { ServiceName } from '@tally/transport';

/** Counts the start-up hooks Nest runs on it. */
@Injectable()
class HookCounter implements OnModuleInit, OnApplicationBootstrap {
  static moduleInits = 0;
  static bootstraps = 0;

  onModuleInit(): void {
    HookCounter.moduleInits += 1;
  }

  onApplicationBootstrap(): void {
    HookCounter.bootstraps += 1;
  }
}

@Module({ providers: [HookCounter] })
class CountingModule {}

/**
 * A service that answers messages runs its start-up hooks once. Nest's message server, started
 * on its own, runs every module's hooks again for the whole application: each BullMQ worker,
 * outbox relay and catch-up job was started twice, and the second relay, never stopped, used the
 * pool after it was closed ("Cannot use a pool after calling end on the pool").
 */
describe('an app that serves messages', () => {
  let running: RunningApp;

  beforeAll(async () => {
    const config = defineConfig({})({
      ...process.env,
      LOG_LEVEL: 'warn',
      TALLY_TRANSPORT_PREFIX: `hooks-${randomUUID()}`,
    });
    running = await runApp({
      name: ServiceName.Account,
      loadConfig: () => config,
      module: (): DynamicModule => ({
        module: CountingModule,
        imports: serviceFoundation(ServiceName.Account, config),
        controllers: [serviceHealthController(ServiceName.Account)],
      }),
      httpPort: () => 0,
      servesRpc: true,
    });
  });

  afterAll(async () => {
    await running?.stop();
  });

  it('runs onModuleInit and onApplicationBootstrap once each', () => {
    expect({ moduleInits: HookCounter.moduleInits, bootstraps: HookCounter.bootstraps }).toEqual({
      moduleInits: 1,
      bootstraps: 1,
    });
  });
});
