import { DynamicModule, FactoryProvider, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { createLogger, LogLevel } from './logger';
import { Metrics } from './metrics';
import { READINESS_CHECKS, ReadinessCheck } from './health';
import { ObservabilityController } from './observability.controller';
import { newRequestId, REQUEST_ID_HEADER } from './request-context';

export interface ObservabilityOptions {
  readonly app: string;
  readonly logLevel: LogLevel;
  /** Builds the app's readiness checks; may inject any globally provided service. */
  readonly readiness: Omit<FactoryProvider<ReadinessCheck[]>, 'provide'>;
}

interface SerializedRequest {
  readonly method: string;
  readonly url: string;
}

const quietRoutes = new Set(['/healthz', '/readyz', '/metrics']);

/** Logs, request ids, /healthz, /readyz and /metrics: the same in every app. */
@Module({})
export class ObservabilityModule implements OnModuleDestroy {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.checks.map(async (check) => check.close?.()));
  }

  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      global: true,
      module: ObservabilityModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger: createLogger(options.app, options.logLevel),
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const id = newRequestId(req.headers[REQUEST_ID_HEADER]);
              res.setHeader(REQUEST_ID_HEADER, id);
              return id;
            },
            autoLogging: { ignore: (req: IncomingMessage) => quietRoutes.has(req.url ?? '') },
            // pino-http binds a logger to every request as it arrives, whatever the level, and
            // by default that copies and redacts all its headers: method and path are enough.
            serializers: { req: ({ method, url }: SerializedRequest) => ({ method, url }) },
          },
        }),
      ],
      controllers: [ObservabilityController],
      providers: [Metrics, { provide: READINESS_CHECKS, ...options.readiness }],
      exports: [Metrics],
    };
  }
}
