import type { AccountContract } from './account.contract';
import type { BillingContract } from './billing.contract';
import type { MeteringContract } from './metering.contract';

/**
 * The messages services exchange over the Redis transport: one pattern per operation, with
 * its request and response types. Both the handler and every caller compile against this.
 */
export enum ServiceName {
  Account = 'account',
  Billing = 'billing',
  Metering = 'metering',
}

export interface ServiceHealthReply {
  readonly service: ServiceName;
  readonly status: 'ok';
  readonly database: 'ok';
}

export interface RpcContract extends AccountContract, BillingContract, MeteringContract {
  'account.health': { request: Record<string, never>; response: ServiceHealthReply };
  'billing.health': { request: Record<string, never>; response: ServiceHealthReply };
  'metering.health': { request: Record<string, never>; response: ServiceHealthReply };
}

export type RpcPattern = keyof RpcContract;
export type RpcRequest<P extends RpcPattern> = RpcContract[P]['request'];
export type RpcResponse<P extends RpcPattern> = RpcContract[P]['response'];

/** What travels on the wire: the request plus the context that must follow it. */
export interface RpcEnvelope<T> {
  readonly requestId: string;
  readonly data: T;
}

export const RpcPatterns = {
  health: (service: ServiceName) => `${service}.health` as const,
} satisfies Record<string, (...args: never[]) => RpcPattern>;
