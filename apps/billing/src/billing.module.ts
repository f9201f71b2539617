import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation, serviceHealthController } from '@tally/runtime';
import { ServiceName } from '@tally/transport';
import { BillingConfig } from './billing.config';

@Module({})
export class BillingModule {
  static forRoot(config: BillingConfig): DynamicModule {
    return {
      module: BillingModule,
      imports: [...serviceFoundation(ServiceName.Billing, config)],
      controllers: [serviceHealthController(ServiceName.Billing)],
    };
  }
}
