import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation, serviceHealthController } from '@tally/runtime';
import { ServiceName } from '@tally/transport';
import { MeteringConfig } from './metering.config';

@Module({})
export class MeteringModule {
  static forRoot(config: MeteringConfig): DynamicModule {
    return {
      module: MeteringModule,
      imports: [...serviceFoundation(ServiceName.Metering, config)],
      controllers: [serviceHealthController(ServiceName.Metering)],
    };
  }
}
