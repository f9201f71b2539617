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

@ObjectType()
export class Workspace {
  @Field(() => ID) id!: string;
  @Field({ description: 'Kubernetes namespace name; unique in the cluster.' }) namespace!: string;
  @Field(() => NamespaceState) state!: NamespaceState;
  tenantId!: string;
  subAccountId!: string | null;
  walletId!: string;
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
export class LedgerEntryConnection {
  @Field(() => [LedgerEntryEdge]) edges!: LedgerEntryEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
