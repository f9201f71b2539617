import { runApp } from '@tally/runtime';
import { loadGatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { STRIPE_WEBHOOK_PATH } from './billing/stripe-webhook.controller';

void runApp({
  name: 'gateway',
  loadConfig: () => loadGatewayConfig(),
  module: (config) => GatewayModule.forRoot(config),
  httpPort: (config) => config.TALLY_GATEWAY_PORT,
  servesRpc: false,
  trustProxy: (config) => config.TALLY_TRUST_PROXY,
  bodyLimit: (config) => config.TALLY_BODY_LIMIT,
  rawBodyRoutes: [STRIPE_WEBHOOK_PATH],
});
