import { runApp } from '@tally/runtime';
import { loadGatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';

void runApp({
  name: 'gateway',
  loadConfig: () => loadGatewayConfig(),
  module: (config) => GatewayModule.forRoot(config),
  httpPort: (config) => config.TALLY_GATEWAY_PORT,
  servesRpc: false,
  trustProxy: (config) => config.TALLY_TRUST_PROXY,
  bodyLimit: (config) => config.TALLY_BODY_LIMIT,
});
