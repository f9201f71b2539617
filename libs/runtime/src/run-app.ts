import type { Server } from 'node:http';
import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions, NestMicroservice } from '@nestjs/microservices';
import { NestExpressApplication } from '@nestjs/platform-express';
import { BaseConfig, ConfigError } from '@tally/config';
import { Metrics, newRequestId, REQUEST_ID_HEADER, runWithRequestId } from '@tally/observability';
import { PrismaService } from '@tally/prisma';
import {
  PrefixedServerRedis,
  RpcContextInterceptor,
  RpcErrorFilter,
  ServiceName,
} from '@tally/transport';
import { raw, type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { DeploymentClash, DeploymentGuard } from './deployment-guard';
import { HttpErrorFilter } from './http-error.filter';

export interface AppSpec<C extends BaseConfig> {
  readonly name: string;
  readonly loadConfig: () => C;
  readonly module: (config: C) => DynamicModule;
  readonly httpPort: (config: C) => number;
  /**
   * Whether the app answers messages from other services over the Redis transport (as the
   * service `name`; its module then includes serviceFoundation).
   */
  readonly servesRpc: boolean | ((config: C) => boolean);
  /** How many proxies in front of the app to believe about the client's address. */
  readonly trustProxy?: (config: C) => number;
  /** Largest accepted JSON request body, e.g. "100kb". */
  readonly bodyLimit?: (config: C) => string;
  /**
   * Paths whose body reaches the handler as a raw Buffer instead of parsed JSON (webhooks
   * whose signature is computed over the exact bytes sent, e.g. Stripe's).
   */
  readonly rawBodyRoutes?: readonly string[];
}

export interface RunningApp {
  readonly app: INestApplication;
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts one Tally process: validated config (a bad value exits 1 with the variable named),
 * JSON logs with request ids, health and metrics, the message transport, and a graceful
 * shutdown on SIGTERM/SIGINT that finishes in-flight work before closing pools.
 */
export async function runApp<C extends BaseConfig>(spec: AppSpec<C>): Promise<RunningApp> {
  const config = loadOrExit(spec);
  const app = await NestFactory.create<NestExpressApplication>(spec.module(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // No framework banner, and no ETag: every route is an API call, never a cacheable page,
  // and Express would hash every response body for it.
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(withRequestContext);
  const proxies = spec.trustProxy?.(config) ?? 0;
  if (proxies > 0) app.set('trust proxy', proxies);
  // Raw routes first: once their body is read, the JSON parser below leaves it alone.
  for (const path of spec.rawBodyRoutes ?? []) {
    app.use(path, raw({ type: () => true, limit: '1mb' }));
  }
  app.useBodyParser('json', { limit: spec.bodyLimit?.(config) ?? '100kb' });
  app.useGlobalFilters(new HttpErrorFilter());

  let guard: DeploymentGuard | undefined;
  let rpcServer: PrefixedServerRedis | undefined;
  if (typeof spec.servesRpc === 'function' ? spec.servesRpc(config) : spec.servesRpc) {
    const deployment = new DeploymentGuard({
      service: serviceNamed(spec.name),
      identity: await app.get(PrismaService).databaseIdentity(),
      redisUrl: config.REDIS_URL,
      prefix: config.TALLY_TRANSPORT_PREFIX,
      timeoutMs: config.TALLY_RPC_TIMEOUT_MS,
    });
    await refuseOnClash(spec.name, deployment, () => deployment.beforeListening());
    rpcServer = new PrefixedServerRedis(config.TALLY_TRANSPORT_PREFIX, config.REDIS_URL);
    // Typed as the class: its interface leaves out setIsInitHookCalled (below).
    const rpc = app.connectMicroservice<MicroserviceOptions>(
      { strategy: rpcServer },
      // Handlers bind their enhancers at initialization: register ours first.
      { deferInitialization: true },
    ) as NestMicroservice;
    rpc.useGlobalInterceptors(new RpcContextInterceptor(app.get(Metrics)));
    rpc.useGlobalFilters(new RpcErrorFilter());
    // The message server shares the application's modules: started on its own it would run
    // every start-up hook a second time (two BullMQ workers per queue, two outbox relays, the
    // catch-up settled twice). The application runs them, once, before anything listens.
    rpc.setIsInitHookCalled(true);
    await app.init();
    await app.startAllMicroservices();
    await refuseOnClash(spec.name, deployment, () => deployment.afterListening());
    guard = deployment;
  }

  await app.listen(spec.httpPort(config), '0.0.0.0');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const logger = app.get(Logger);
  logger.log(`${spec.name} listening on ${url}`);

  const stop = stopOnce(app, config.TALLY_SHUTDOWN_TIMEOUT_MS, logger, guard, rpcServer);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log(`${signal} received: finishing in-flight work`);
      void stop().then(() => {
        logger.log('stopped');
        process.exit(0);
      });
    });
  }
  return { app, url, stop };
}

function serviceNamed(name: string): ServiceName {
  const service = Object.values(ServiceName).find((s) => String(s) === name);
  if (service === undefined) throw new Error(`${name} is not a service; it cannot serve RPC`);
  return service;
}

/** A service that would answer another deployment's messages exits 1 before it does. */
async function refuseOnClash(
  name: string,
  guard: DeploymentGuard,
  check: () => Promise<void>,
): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (!(error instanceof DeploymentClash)) throw error;
    process.stderr.write(`[${name}] Refusing to start: ${error.message}\n`);
    await guard.stop(); // a Redis database it claimed on the way is free again at once
    process.exit(1);
  }
}

function loadOrExit<C extends BaseConfig>(spec: AppSpec<C>): C {
  try {
    return spec.loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`[${spec.name}] ${error.message}\n`);
    process.exit(1);
  }
}

// Nest's close() runs every onModuleDestroy (BullMQ workers finish their jobs) before it stops
// the HTTP listener and the message server, and onApplicationShutdown (pools, outgoing calls)
// last. So the message server and the listener stop taking work first: what they already took
// is answered while the pools are still open. A hung step must not keep us alive; the log says
// which one it was.
function stopOnce(
  app: INestApplication,
  timeoutMs: number,
  logger: Logger,
  guard: DeploymentGuard | undefined,
  rpcServer: PrefixedServerRedis | undefined,
) {
  const steps: ReadonlyArray<readonly [string, () => Promise<void>]> = [
    ['closing the message server', async () => rpcServer?.close()],
    ['closing the HTTP listener', () => closeListener(app)],
    ['closing the application (workers, pools)', () => app.close()],
    ['releasing the Redis database claim', async () => guard?.stop()],
  ];
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      let step = steps[0][0];
      const forced = setTimeout(() => {
        logger.error(`shutdown took longer than ${timeoutMs} ms while ${step}; exiting anyway`);
        process.exit(1);
      }, timeoutMs);
      forced.unref();
      try {
        for (const [name, run] of steps) {
          step = name;
          await run();
        }
      } catch (error) {
        logger.error({ err: error }, `shutdown failed while ${step}`);
        process.exit(1);
      }
      clearTimeout(forced);
    })();
    return stopping;
  };
}

function closeListener(app: INestApplication): Promise<void> {
  // Idle keep-alive connections are closed at once; requests in progress are answered first.
  const listener = app.getHttpServer() as Server;
  return new Promise((resolve) => listener.close(() => resolve()));
}

function withRequestContext(req: Request, res: Response, next: NextFunction): void {
  const requestId = newRequestId(req.headers[REQUEST_ID_HEADER]);
  // pino-http reads the same header, so logs, replies and downstream calls share one id.
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  runWithRequestId(requestId, next);
}
