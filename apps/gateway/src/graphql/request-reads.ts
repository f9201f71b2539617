import { Inject, Injectable } from '@nestjs/common';
import {
  RpcClient,
  type Authenticated,
  type IRpcClient,
  type Principal,
  type RpcRequest,
  type RpcResponse,
} from '@tally/transport';
import { perRequest } from './per-request';

/** The messages resolvers read with: none changes anything, so one answer serves a request. */
export type ReadPattern =
  | 'account.me'
  | 'account.members.byUser'
  | 'account.workspaces.byNamespace'
  | 'account.wallets.entries'
  | 'billing.priceBook.current'
  | 'billing.priceBook.history'
  | 'billing.recharges.byId'
  | 'billing.recharges.byTenant'
  | 'billing.invoices.byTenant'
  | 'billing.statements.get'
  | 'billing.webhooks.byTenant'
  | 'billing.webhooks.deliveries'
  | 'metering.usage.lines'
  | 'metering.workspaces.pending'
  | 'metering.workspaces.suspensionReasons'
  | 'metering.reconciliation.reports'
  | 'metering.spend.daily'
  | 'account.apiKeys.byTenant';

type InputOf<P extends ReadPattern> = RpcRequest<P> extends Authenticated<infer I> ? I : never;

/**
 * The service reads of one GraphQL request. A read identical to one already made (same
 * message, same input) shares its answer instead of being sent again, so a field repeated
 * under a thousand aliases is one call. (Reads by id go through the batching DataLoaders of
 * AccountLoaders instead.)
 */
export class RequestReads {
  private readonly replies = new Map<string, Promise<unknown>>();

  constructor(
    private readonly rpc: IRpcClient,
    private readonly principal: Principal,
  ) {}

  send<P extends ReadPattern>(pattern: P, input: InputOf<P>): Promise<RpcResponse<P>> {
    // Resolvers build each input in a fixed key order, so equal calls serialise equally.
    const key = `${pattern} ${JSON.stringify(input)}`;
    let reply = this.replies.get(key);
    if (reply === undefined) {
      const request = { principal: this.principal, input } as RpcRequest<P>;
      reply = this.rpc.send(pattern, request);
      this.replies.set(key, reply);
    }
    return reply as Promise<RpcResponse<P>>;
  }
}

/** Hands out the reads of the request a resolver runs in. */
@Injectable()
export class RequestReadsFactory {
  readonly for = perRequest((principal) => new RequestReads(this.rpc, principal));

  constructor(@Inject(RpcClient) private readonly rpc: IRpcClient) {}
}
