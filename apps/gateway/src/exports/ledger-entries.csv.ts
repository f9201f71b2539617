import { formatMicros, parseWireMicros } from '@tally/money';
import type { EntriesPage, IRpcClient } from '@tally/transport';
import { csvLine } from './csv';
import type { ExportOrder } from './export-tickets';

/** Entries an export reads from the account service at a time. */
const PAGE_SIZE = 2_000;
const HEADER = csvLine([
  'created_at',
  'entry_id',
  'transaction_id',
  'kind',
  'account',
  'amount',
  'currency',
]);

/**
 * A wallet's entries as CSV, newest first, exactly those the order's filter selects: the
 * header with the first page, then one chunk a page. Amounts are the Money wire form (six
 * fractional digits), with the wallet's currency beside them.
 */
export async function* ledgerEntriesCsv(
  rpc: IRpcClient,
  order: ExportOrder,
  currency: string,
): AsyncGenerator<string> {
  let after: string | null = null;
  let header = HEADER;
  do {
    const page: EntriesPage = await rpc.send('account.wallets.entries', {
      principal: order.principal,
      input: { walletId: order.walletId, first: PAGE_SIZE, after, filter: order.filter },
    });
    const rows = page.entries.map((entry) =>
      csvLine([
        entry.createdAt,
        entry.id,
        entry.transactionId,
        entry.kind,
        entry.account,
        formatMicros(parseWireMicros(entry.amountMicros)),
        currency,
      ]),
    );
    yield header + rows.join('');
    header = '';
    after = page.hasNextPage ? page.endCursor : null;
  } while (after !== null);
}
