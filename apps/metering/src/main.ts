import { runApp } from '@tally/runtime';
import { loadMeteringConfig } from './metering.config';
import { MeteringModule } from './metering.module';

void runApp({
  name: 'metering',
  loadConfig: () => loadMeteringConfig(),
  module: (config) => MeteringModule.forRoot(config),
  httpPort: (config) => config.TALLY_METERING_PORT,
  servesRpc: true,
});
