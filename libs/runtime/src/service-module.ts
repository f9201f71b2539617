import { Controller, DynamicModule, Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { BaseConfig } from '@tally/config';
import { ObservabilityModule, RedisReadinessCheck } from '@tally/observability';
import { PrismaModule, PrismaService } from '@tally/prisma';
import { RpcPatterns, ServiceHealthReply, ServiceName } from '@tally/transport';

/** What every backend service (account, billing, metering) is built on. */
export function serviceFoundation(service: ServiceName, config: BaseConfig): DynamicModule[] {
  return [
    PrismaModule.forRoot({ databaseUrl: config.DATABASE_URL }),
    ObservabilityModule.forRoot({
      app: service,
      logLevel: config.LOG_LEVEL,
      readiness: {
        useFactory: (prisma: PrismaService) => [
          { name: 'postgres', check: () => prisma.ping(1000) },
          new RedisReadinessCheck(config.REDIS_URL),
        ],
        inject: [PrismaService],
      },
    }),
  ];
}

/** Answers `<service>.health` after a round trip to the service's database. */
export function serviceHealthController(service: ServiceName): Type {
  @Controller()
  class ServiceHealthController {
    constructor(private readonly prisma: PrismaService) {}

    @MessagePattern(RpcPatterns.health(service))
    async health(): Promise<ServiceHealthReply> {
      await this.prisma.ping(1000);
      return { service, status: 'ok', database: 'ok' };
    }
  }
  return ServiceHealthController;
}
