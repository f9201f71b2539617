import {
  ArgumentsHost,
  CallHandler,
  Catch,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  Logger,
  NestInterceptor,
  RpcExceptionFilter,
} from '@nestjs/common';
import { toPublicError } from '@tally/errors';
import { Metrics, newRequestId, runWithRequestId } from '@tally/observability';
import { Observable, tap, throwError } from 'rxjs';
import { RpcEnvelope } from './contracts';

/** The request inside the envelope a message handler receives. */
export const RpcData = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToRpc().getData<RpcEnvelope<unknown>>().data,
);

/** Runs each message handler inside its caller's request id, and counts it. */
@Injectable()
export class RpcContextInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Rpc');

  constructor(private readonly metrics: Metrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const rpc = context.switchToRpc();
    const pattern = rpc.getContext<{ getChannel(): string }>().getChannel();
    const requestId = newRequestId(rpc.getData<Partial<RpcEnvelope<unknown>>>()?.requestId);
    const stopTimer = this.metrics.rpcDuration.startTimer({ side: 'server', pattern });
    return new Observable((subscriber) =>
      runWithRequestId(requestId, () =>
        next
          .handle()
          .pipe(
            tap({
              next: () => this.metrics.rpcCalls.inc({ side: 'server', pattern, outcome: 'ok' }),
              error: () => this.metrics.rpcCalls.inc({ side: 'server', pattern, outcome: 'error' }),
              finalize: () => {
                const seconds = stopTimer();
                this.logger.debug({ pattern, ms: Math.round(seconds * 1000) }, 'message handled');
              },
            }),
          )
          .subscribe(subscriber),
      ),
    );
  }
}

/**
 * Sends domain errors back to the caller as they are; anything else becomes INTERNAL with
 * an error id that is logged here, with the stack, in the service where it happened.
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter {
  private readonly logger = new Logger('RpcErrorFilter');

  catch(error: unknown, _host: ArgumentsHost): Observable<never> {
    const reply = toPublicError(error, (errorId, cause) =>
      this.logger.error({ err: cause, errorId }, 'unhandled error in message handler'),
    );
    return throwError(() => reply);
  }
}
