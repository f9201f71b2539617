import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MoneyScalar } from '@tally/money';

export enum WalletKind {
  TENANT = 'TENANT',
  SUB_ACCOUNT = 'SUB_ACCOUNT',
}
export enum DebtState {
  NORMAL = 'NORMAL',
  LOW_BALANCE = 'LOW_BALANCE',
  CRITICAL = 'CRITICAL',
  SUSPENDED = 'SUSPENDED',
  RECLAIMED = 'RECLAIMED',
}
export enum NamespaceState {
  ACTIVE = 'ACTIVE',
  SUSPENDING = 'SUSPENDING',
  SUSPENDED = 'SUSPENDED',
  RESUMING = 'RESUMING',
}
registerEnumType(WalletKind, { name: 'WalletKind' });
registerEnumType(DebtState, { name: 'DebtState' });
registerEnumType(NamespaceState, { name: 'NamespaceState' });
export enum SuspensionReason {
  DEBT = 'DEBT',
  SPENDING_CAP = 'SPENDING_CAP',
  MANUAL = 'MANUAL',
}
registerEnumType(SuspensionReason, {
  name: 'SuspensionReason',
  description:
    "DEBT: the wallet's debt state is SUSPENDED or RECLAIMED; SPENDING_CAP: the month's spend reached the workspace's or its sub-account's spending cap; MANUAL: finance suspended it by hand (suspendNamespace) until resumed by hand.",
});

export enum CreditSource {
  BONUS = 'BONUS',
  GRANT = 'GRANT',
}
registerEnumType(CreditSource, {
  name: 'CreditSource',
  description: 'BONUS: a recharge bonus; GRANT: granted by finance (grantCredit).',
});

const SPENDING_CAP_DESCRIPTION =
  "The most this scope's namespaces may spend in a calendar month (UTC), charges plus pending usage; reaching it suspends them (SPENDING_CAP) until the next month or a higher cap. null = no cap.";

// Object types carry the ids their nested fields are resolved from; those ids are not
// GraphQL fields unless the contract names them.

@ObjectType()
export class Tenant {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() currency!: string;
  walletId!: string;
}

@ObjectType()
export class SubAccount {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "Amount added to this sub-account's wallet from the tenant wallet at the start of each calendar month (UTC); null = none.",
  })
  monthlyBudget!: bigint | null;
  @Field(() => MoneyScalar, { nullable: true, description: SPENDING_CAP_DESCRIPTION })
  spendingCap!: bigint | null;
  tenantId!: string;
  walletId!: string;
}

@ObjectType()
export class Wallet {
  @Field(() => ID) id!: string;
  @Field(() => WalletKind) kind!: WalletKind;
  @Field(() => MoneyScalar) balance!: bigint;
  @Field() currency!: string;
  @Field(() => DebtState) debtState!: DebtState;
  tenantId!: string;
}

@ObjectType({
  description:
    'Promotional credit in a wallet: spent before paid money, the grant that expires first first; what is left at expiresAt leaves the wallet.',
})
export class CreditGrant {
  @Field(() => ID) id!: string;
  @Field(() => CreditSource) source!: CreditSource;
  @Field(() => MoneyScalar, { description: 'What was granted.' }) amount!: bigint;
  @Field(() => MoneyScalar, { description: 'Not spent yet: part of the wallet balance.' })
  remaining!: bigint;
  @Field(() => MoneyScalar, { description: 'Spent, or clawed back with a refund.' })
  used!: bigint;
  @Field(() => MoneyScalar, { description: 'What expiry took out of the wallet.' })
  expired!: bigint;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => Date) grantedAt!: Date;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => Date, { nullable: true }) expiredAt!: Date | null;
}

@ObjectType()
export class Workspace {
  @Field(() => ID) id!: string;
  @Field({ description: 'Kubernetes namespace name; unique in the cluster.' }) namespace!: string;
  @Field(() => NamespaceState) state!: NamespaceState;
  @Field(() => MoneyScalar, { nullable: true, description: SPENDING_CAP_DESCRIPTION })
  spendingCap!: bigint | null;
  tenantId!: string;
  subAccountId!: string | null;
  walletId!: string;
}

@ObjectType({ description: 'The scope whose spending cap setSpendingCap changed: one of the two.' })
export class SpendingCapChange {
  @Field(() => Workspace, { nullable: true }) workspace!: Workspace | null;
  @Field(() => SubAccount, { nullable: true }) subAccount!: SubAccount | null;
}

@ObjectType()
export class LedgerEntry {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) walletId!: string | null;
  @Field() account!: string;
  @Field(() => MoneyScalar) amount!: bigint;
  @Field(() => Date) createdAt!: Date;
  transactionId!: string;
}

@ObjectType()
export class LedgerTransaction {
  @Field(() => ID) id!: string;
  @Field() kind!: string;
  @Field() idempotencyKey!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => [LedgerEntry]) entries!: LedgerEntry[];
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType()
export class LedgerEntryEdge {
  @Field() cursor!: string;
  @Field(() => LedgerEntry) node!: LedgerEntry;
}

@ObjectType()
export class TenantEdge {
  @Field() cursor!: string;
  @Field(() => Tenant) node!: Tenant;
}

@ObjectType()
export class TenantConnection {
  @Field(() => [TenantEdge]) edges!: TenantEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType()
export class LedgerEntryConnection {
  @Field(() => [LedgerEntryEdge]) edges!: LedgerEntryEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
