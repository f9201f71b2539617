import { DynamicModule, Module } from '@nestjs/common';
import type { GatewayConfig } from '../gateway.config';
import { loadConsoleFiles } from './console-files';
import { CONSOLE_FILES, ConsoleController } from './console.controller';

/** Serves the built console (TALLY_CONSOLE_DIR) at /console. */
@Module({})
export class ConsoleModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: ConsoleModule,
      controllers: [ConsoleController],
      providers: [
        { provide: CONSOLE_FILES, useFactory: () => loadConsoleFiles(config.TALLY_CONSOLE_DIR) },
      ],
    };
  }
}
