import { runApp } from '@tally/runtime';
import { AgentModule } from './agent/agent.module';
import { loadMeteringConfig } from './metering.config';
import { MeteringModule } from './metering.module';

// One image, two roles: the metering service, or (TALLY_METERING_MODE=agent) a node agent.
void runApp({
  name: 'metering',
  loadConfig: () => loadMeteringConfig(),
  module: (config) =>
    config.TALLY_METERING_MODE === 'agent'
      ? AgentModule.forRoot(config)
      : MeteringModule.forRoot(config),
  httpPort: (config) => config.TALLY_METERING_PORT,
  servesRpc: (config) => config.TALLY_METERING_MODE === 'service',
});
