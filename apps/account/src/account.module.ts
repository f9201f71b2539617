import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation, serviceHealthController } from '@tally/runtime';
import { ServiceName } from '@tally/transport';
import { AccountConfig } from './account.config';

@Module({})
export class AccountModule {
  static forRoot(config: AccountConfig): DynamicModule {
    return {
      module: AccountModule,
      imports: [...serviceFoundation(ServiceName.Account, config)],
      controllers: [serviceHealthController(ServiceName.Account)],
    };
  }
}
