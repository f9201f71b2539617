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

/** Which deployment a process belongs to: the identity of its Postgres database. */
export interface DeploymentIdentity {
  /** Equal for every process on the same database, different for any other database. */
  readonly id: string;
  /** The database's name, for people reading a refusal. */
  readonly database: string;
}

/** Asked by a service starting up of every process already answering its messages. */
export interface DeploymentRequest {
  /** The deployment of the process asking. */
  readonly deployment: DeploymentIdentity;
}

export interface DeploymentReply {
  readonly service: ServiceName;
  readonly deployment: DeploymentIdentity;
}

export interface RpcContract extends AccountContract, BillingContract, MeteringContract {
  'account.health': { request: Record<string, never>; response: ServiceHealthReply };
  'billing.health': { request: Record<string, never>; response: ServiceHealthReply };
  'metering.health': { request: Record<string, never>; response: ServiceHealthReply };
  'account.deployment': { request: DeploymentRequest; response: DeploymentReply };
  'billing.deployment': { request: DeploymentRequest; response: DeploymentReply };
  'metering.deployment': { request: DeploymentRequest; response: DeploymentReply };
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
  deployment: (service: ServiceName) => `${service}.deployment` as const,
} satisfies Record<string, (...args: never[]) => RpcPattern>;
