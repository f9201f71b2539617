import { DynamicModule, Global, Module } from '@nestjs/common';
import { PrismaOptions, PrismaService } from './prisma.service';

@Global()
@Module({})
export class PrismaModule {
  static forRoot(options: PrismaOptions): DynamicModule {
    return {
      module: PrismaModule,
      providers: [{ provide: PrismaService, useFactory: () => new PrismaService(options) }],
      exports: [PrismaService],
    };
  }
}
