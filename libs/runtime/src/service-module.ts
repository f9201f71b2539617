import { Controller, DynamicModule, Logger, Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { BaseConfig } from '@tally/config';
import { ObservabilityModule, RedisReadinessCheck } from '@tally/observability';
import { PrismaModule, PrismaService } from '@tally/prisma';
import {
  RpcData,
  RpcPatterns,
  type DeploymentReply,
  type DeploymentRequest,
  type ServiceHealthReply,
  type ServiceName,
} from '@tally/transport';

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

/**
 * Answers `<service>.health` after a round trip to the service's database, and
 * `<service>.deployment` with the deployment this process belongs to (asked by every process
 * of the service starting up: see DeploymentGuard).
 */
export function serviceHealthController(service: ServiceName): Type {
  @Controller()
  class ServiceHealthController {
    private readonly logger = new Logger('DeploymentGuard');

    constructor(private readonly prisma: PrismaService) {}

    @MessagePattern(RpcPatterns.health(service))
    async health(): Promise<ServiceHealthReply> {
      await this.prisma.ping(1000);
      return { service, status: 'ok', database: 'ok' };
    }

    @MessagePattern(RpcPatterns.deployment(service))
    async deployment(@RpcData() request: Partial<DeploymentRequest>): Promise<DeploymentReply> {
      const deployment = await this.prisma.databaseIdentity();
      const asking = request?.deployment;
      if (asking !== undefined && asking.id !== deployment.id) {
        // It will refuse to start; this deployment should hear of it too.
        this.logger.error(
          { asking },
          `a ${service} process of another Tally deployment (database "${asking.database}") ` +
            'tried to start on these Redis channels',
        );
      }
      return { service, deployment };
    }
  }
  return ServiceHealthController;
}
