import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { deserializeError, DomainError, ErrorCode, isSerializedDomainError } from '@tally/errors';
import { currentRequestId, Metrics, newRequestId } from '@tally/observability';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { RpcEnvelope, RpcPattern, RpcRequest, RpcResponse } from './contracts';
import { PrefixedClientRedis } from './redis-channels';

export interface RpcClientOptions {
  readonly redisUrl: string;
  /** The deployment's channel prefix (TALLY_TRANSPORT_PREFIX). */
  readonly prefix: string;
  readonly timeoutMs: number;
}

/**
 * What a caller needs of the client. Classes whose specs hand them libs/testing's
 * FakeRpcClient take this (injected as RpcClient), so the fake is checked against it.
 */
export interface IRpcClient {
  send<P extends RpcPattern>(
    pattern: P,
    data: RpcRequest<P>,
    options?: { timeoutMs?: number },
  ): Promise<RpcResponse<P>>;
}

/**
 * Request/response to the other services. Every call has a deadline, carries the current
 * request id, and fails with a DomainError: the remote one as thrown, or INTERNAL when the
 * service or the transport does not answer.
 */
@Injectable()
export class RpcClient implements IRpcClient, OnApplicationShutdown {
  private readonly logger = new Logger(RpcClient.name);
  private readonly proxy: PrefixedClientRedis;

  constructor(
    private readonly options: RpcClientOptions,
    private readonly metrics: Metrics,
  ) {
    this.proxy = new PrefixedClientRedis(options.prefix, options.redisUrl);
  }

  /** `timeoutMs` overrides the default deadline for the few calls that do real work (settlement). */
  async send<P extends RpcPattern>(
    pattern: P,
    data: RpcRequest<P>,
    { timeoutMs = this.options.timeoutMs }: { timeoutMs?: number } = {},
  ): Promise<RpcResponse<P>> {
    const envelope: RpcEnvelope<RpcRequest<P>> = {
      requestId: currentRequestId() ?? newRequestId(),
      data,
    };
    const stopTimer = this.metrics.rpcDuration.startTimer({ side: 'client', pattern });
    try {
      const reply = await firstValueFrom(
        this.proxy
          .send<RpcResponse<P>, RpcEnvelope<RpcRequest<P>>>(pattern, envelope)
          .pipe(timeout(timeoutMs)),
      );
      this.metrics.rpcCalls.inc({ side: 'client', pattern, outcome: 'ok' });
      return reply;
    } catch (error) {
      const failure = this.toDomainError(pattern, error, timeoutMs);
      this.metrics.rpcCalls.inc({ side: 'client', pattern, outcome: failure.code });
      throw failure;
    } finally {
      stopTimer();
    }
  }

  private toDomainError(pattern: RpcPattern, error: unknown, timeoutMs: number): DomainError {
    if (isSerializedDomainError(error)) return deserializeError(error);
    const service = pattern.split('.')[0];
    if (error instanceof TimeoutError) {
      return new DomainError(
        ErrorCode.INTERNAL,
        `The ${service} service did not answer within ${timeoutMs} ms`,
        { reason: 'SERVICE_TIMEOUT', service },
      );
    }
    // Nest's Redis client rejects with a bare string while it reconnects.
    this.logger.warn({ err: error, pattern }, 'message transport failed');
    return new DomainError(ErrorCode.INTERNAL, `The ${service} service is unreachable`, {
      reason: 'TRANSPORT_UNAVAILABLE',
      service,
    });
  }

  // After the message server and HTTP listener stopped: their last requests may still call out.
  async onApplicationShutdown(): Promise<void> {
    await this.proxy.close();
  }
}
