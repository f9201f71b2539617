import { Args, Field, ID, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { RpcClient, type Principal } from '@tally/transport';
import { toEntriesFilter } from '../accounts/account.views';
import { LedgerEntryFilter } from '../accounts/dto/account.inputs';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { serviceCall } from '../graphql/query-cost';
import { ExportTickets, EXPORT_TICKET_SECONDS } from './export-tickets';

@ObjectType({ description: 'A link that downloads a CSV once, streamed, within five minutes.' })
export class CsvExport {
  @Field({ description: 'A path on this API: GET it, without an Authorization header.' })
  url!: string;
  @Field(() => Date)
  expiresAt!: Date;
}

@Resolver()
export class ExportResolver {
  constructor(
    private readonly rpc: RpcClient,
    private readonly tickets: ExportTickets,
  ) {}

  @Mutation(() => CsvExport, {
    description: `Anyone who may read the wallet. A link to all of the wallet's entries the filter selects as CSV (newest first; created_at, entry_id, transaction_id, kind, account, amount, currency), opened once within ${EXPORT_TICKET_SECONDS / 60} minutes; the download streams, so a million entries never sit in memory.`,
    complexity: serviceCall(),
  })
  async exportLedgerEntries(
    @Args('walletId', { type: () => ID }) walletId: string,
    @Args('filter', { type: () => LedgerEntryFilter, nullable: true })
    filter: LedgerEntryFilter | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CsvExport> {
    const order = {
      principal,
      table: 'ledger_entries' as const,
      walletId,
      filter: toEntriesFilter(filter),
    };
    // Refused now rather than at the download: a wallet the caller may not read, a bad filter.
    await this.rpc.send('account.wallets.entries', {
      principal,
      input: { walletId, first: 1, after: null, filter: order.filter },
    });
    const { ticket, expiresAt } = await this.tickets.issue(order);
    return { url: `/exports/${ticket}`, expiresAt };
  }
}
