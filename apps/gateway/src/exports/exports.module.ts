import { DynamicModule, Module } from '@nestjs/common';
import type { GatewayConfig } from '../gateway.config';
import { ExportTickets } from './export-tickets';
import { ExportResolver } from './export.resolver';
import { ExportsController } from './exports.controller';

/** CSV exports: a mutation makes a one-time link, the link streams the rows. */
@Module({})
export class ExportsModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: ExportsModule,
      controllers: [ExportsController],
      providers: [
        { provide: ExportTickets, useFactory: () => new ExportTickets(config.REDIS_URL) },
        ExportResolver,
      ],
    };
  }
}
