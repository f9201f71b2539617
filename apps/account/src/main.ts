import { runApp } from '@tally/runtime';
import { loadAccountConfig } from './account.config';
import { AccountModule } from './account.module';

void runApp({
  name: 'account',
  loadConfig: () => loadAccountConfig(),
  module: (config) => AccountModule.forRoot(config),
  httpPort: (config) => config.TALLY_ACCOUNT_PORT,
  servesRpc: true,
});
