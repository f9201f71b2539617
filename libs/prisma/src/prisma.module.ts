import { DynamicModule, Module } from '@nestjs/common';
import { PRISMA_OPTIONS, type PrismaOptions } from './prisma.options';
import { PrismaService } from './prisma.service';

/** Registers one PrismaService for the whole app (global: every repository may inject it). */
@Module({})
export class PrismaModule {
  static forRoot(options: PrismaOptions): DynamicModule {
    return {
      module: PrismaModule,
      global: true,
      providers: [{ provide: PRISMA_OPTIONS, useValue: options }, PrismaService],
      exports: [PrismaService],
    };
  }
}
