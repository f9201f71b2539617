import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { parseWireMicros } from '@tally/money';
import {
  RpcClient,
  type AuditRecordsPage,
  type AuditRecordView,
  type Principal,
} from '@tally/transport';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { servicePage } from '../graphql/query-cost';
import { AuditKind, AuditRecord, AuditRecordConnection } from './audit.models';

@Resolver(() => AuditRecord)
export class AuditResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => AuditRecordConnection, {
    description:
      'Finance or platform admin only (FORBIDDEN otherwise). Actions by a person, newest first, by actor (user or API key id), tenant and kind. first 1 to 200; after a cursor of this query (BAD_CURSOR otherwise).',
    complexity: servicePage(50),
  })
  async auditLog(
    @Args('actorId', { type: () => ID, nullable: true }) actorId: string | null,
    @Args('tenantId', { type: () => ID, nullable: true }) tenantId: string | null,
    @Args('kind', { type: () => AuditKind, nullable: true }) kind: AuditKind | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AuditRecordConnection> {
    const page = await this.rpc.send('account.audit.page', {
      principal,
      input: {
        actorId: actorId ?? null,
        tenantId: tenantId ?? null,
        kind: kind ?? null,
        first: first ?? 50,
        after: after ?? null,
      },
    });
    return toAuditConnection(page);
  }
}

const toAuditRecord = (view: AuditRecordView): AuditRecord => ({
  ...view,
  kind: view.kind as AuditKind,
  amount: view.amountMicros === null ? null : parseWireMicros(view.amountMicros),
  createdAt: new Date(view.createdAt),
});

const toAuditConnection = (page: AuditRecordsPage): AuditRecordConnection => ({
  edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toAuditRecord(edge.record) })),
  pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
});
