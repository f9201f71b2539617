import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { badInput, notFound } from '@tally/errors';
import {
  RpcData,
  type EntriesFilter,
  type RpcRequest,
  type RpcResponse,
} from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { WalletRepository } from '../wallets/wallet.repository';
import { AdjustBalance } from './adjust-balance';
import { LedgerAuditRepository } from './ledger-audit.repository';
import { LedgerReadsRepository } from './ledger-reads.repository';
import { PostBatch } from './post-batch';
import { postingsFrom } from './posting-request';
import { postingContextOf } from './posting-context';
import { Transfer } from './transfer';

/** The most entries one request reads: the public API asks for at most 200, exports for more. */
const MAX_PAGE_SIZE = 5_000;
const MAX_KIND_LENGTH = 64;

@Controller()
export class LedgerController {
  constructor(
    private readonly transfer: Transfer,
    private readonly adjustBalance: AdjustBalance,
    private readonly postBatch: PostBatch,
    private readonly reads: LedgerReadsRepository,
    private readonly wallets: WalletRepository,
    private readonly access: TenantAccess,
    private readonly audits: LedgerAuditRepository,
  ) {}

  @MessagePattern('account.ledger.transfer')
  transferMoney(@RpcData() request: RpcRequest<'account.ledger.transfer'>) {
    return this.transfer.execute(request);
  }

  @MessagePattern('account.ledger.adjust')
  adjust(@RpcData() request: RpcRequest<'account.ledger.adjust'>) {
    return this.adjustBalance.execute(request);
  }

  @MessagePattern('account.ledger.postBatch')
  async post(
    @RpcData() { principal, input }: RpcRequest<'account.ledger.postBatch'>,
  ): Promise<RpcResponse<'account.ledger.postBatch'>> {
    this.access.assertService(principal);
    return this.postBatch.execute(postingsFrom(input.postings), postingContextOf(principal));
  }

  @MessagePattern('account.wallets.setDebtState')
  async setDebtState(
    @RpcData() { principal, input }: RpcRequest<'account.wallets.setDebtState'>,
  ): Promise<RpcResponse<'account.wallets.setDebtState'>> {
    this.access.assertService(principal);
    return { changed: await this.wallets.setDebtState(input.walletId, input.state) };
  }

  @MessagePattern('account.ledger.audit')
  audit(
    @RpcData() { principal }: RpcRequest<'account.ledger.audit'>,
  ): Promise<RpcResponse<'account.ledger.audit'>> {
    this.access.assertService(principal);
    return this.audits.audit();
  }

  @MessagePattern('account.ledger.byKeys')
  byKeys(
    @RpcData() { principal, input }: RpcRequest<'account.ledger.byKeys'>,
  ): Promise<RpcResponse<'account.ledger.byKeys'>> {
    this.access.assertService(principal);
    return this.audits.byKeys(input.keys);
  }

  @MessagePattern('account.wallets.byIds')
  async walletsByIds(
    @RpcData() { principal, input }: RpcRequest<'account.wallets.byIds'>,
  ): Promise<RpcResponse<'account.wallets.byIds'>> {
    return this.access.readable(principal, await this.wallets.byIds(input.ids), (w) => w.tenantId);
  }

  @MessagePattern('account.wallets.entries')
  async entries(
    @RpcData() { principal, input }: RpcRequest<'account.wallets.entries'>,
  ): Promise<RpcResponse<'account.wallets.entries'>> {
    const wallet = await this.wallets.byId(input.walletId);
    if (wallet === null) throw notFound('Wallet', input.walletId);
    await this.access.assert(principal, wallet.tenantId, 'read');
    if (!Number.isInteger(input.first) || input.first < 1 || input.first > MAX_PAGE_SIZE) {
      throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, { reason: 'BAD_PAGE_SIZE' });
    }
    if (input.after !== null && !/^\d{1,19}$/.test(input.after)) {
      throw badInput('after is not a cursor this API returned', { reason: 'BAD_CURSOR' });
    }
    return this.reads.entriesPage(
      wallet.id,
      input.first,
      input.after === null ? null : BigInt(input.after),
      entriesFilter(input.filter),
    );
  }

  @MessagePattern('account.ledger.transactionsByIds')
  async transactionsByIds(
    @RpcData() { principal, input }: RpcRequest<'account.ledger.transactionsByIds'>,
  ): Promise<RpcResponse<'account.ledger.transactionsByIds'>> {
    const [transactions, tenants] = await Promise.all([
      this.reads.transactionsByIds(input.ids),
      this.reads.tenantsOfTransactions(input.ids),
    ]);
    // A transaction is visible to whoever may read a wallet it touches.
    const touching = transactions.flatMap((t) =>
      [...(tenants.get(t.id) ?? [])].map((tenantId) => ({ tenantId, transaction: t })),
    );
    const readable = await this.access.readable(principal, touching, (t) => t.tenantId);
    const visible = new Set(readable.map((v) => v.transaction));
    return transactions.filter((t) => visible.has(t));
  }
}

/** A filter as sent, checked: a kind of at most 64 characters, a range that is not reversed. */
function entriesFilter(filter: EntriesFilter | undefined): EntriesFilter {
  const { kind = null, from = null, to = null } = filter ?? {};
  if (kind !== null && (kind.length === 0 || kind.length > MAX_KIND_LENGTH)) {
    throw badInput(`kind must be 1 to ${MAX_KIND_LENGTH} characters`, { reason: 'BAD_KIND' });
  }
  const instant = (field: string, value: string | null) => {
    if (value !== null && Number.isNaN(Date.parse(value))) {
      throw badInput(`${field} is not a date-time`, { reason: 'BAD_RANGE' });
    }
  };
  instant('from', from);
  instant('to', to);
  if (from !== null && to !== null && Date.parse(from) >= Date.parse(to)) {
    throw badInput('from must be before to', { reason: 'BAD_RANGE' });
  }
  return { kind, from, to };
}
