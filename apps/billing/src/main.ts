import { runApp } from '@tally/runtime';
import { loadBillingConfig } from './billing.config';
import { BillingModule } from './billing.module';

void runApp({
  name: 'billing',
  loadConfig: () => loadBillingConfig(),
  module: (config) => BillingModule.forRoot(config),
  httpPort: (config) => config.TALLY_BILLING_PORT,
  servesRpc: true,
});
