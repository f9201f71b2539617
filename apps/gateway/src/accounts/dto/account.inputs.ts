import { Field, ID, InputType } from '@nestjs/graphql';
import { MoneyScalar } from '@tally/money';

@InputType()
export class CreateTenantInput {
  @Field() name!: string;
  @Field({ defaultValue: 'USD' }) currency!: string;
  @Field() ownerExternalId!: string;
  @Field(() => String, { nullable: true }) ownerEmail?: string | null;
}

@InputType()
export class CreateSubAccountInput {
  @Field(() => ID) tenantId!: string;
  @Field() name!: string;
  @Field(() => MoneyScalar, { nullable: true }) monthlyBudget?: bigint | null;
}

@InputType()
export class SetSpendingCapInput {
  @Field(() => ID, { nullable: true, description: 'Exactly one of workspaceId and subAccountId.' })
  workspaceId?: string | null;
  @Field(() => ID, { nullable: true }) subAccountId?: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'null removes the cap.' })
  monthlyCap?: bigint | null;
}

@InputType()
export class TransferInput {
  @Field(() => ID) fromWalletId!: string;
  @Field(() => ID) toWalletId!: string;
  @Field(() => MoneyScalar) amount!: bigint;
  @Field() idempotencyKey!: string;
}

@InputType()
export class CreateWorkspaceInput {
  @Field(() => ID) tenantId!: string;
  @Field(() => ID, { nullable: true }) subAccountId?: string | null;
  @Field() namespace!: string;
}

@InputType()
export class AdjustBalanceInput {
  @Field(() => ID) walletId!: string;
  @Field(() => MoneyScalar) amount!: bigint;
  @Field() reason!: string;
  @Field() idempotencyKey!: string;
}

@InputType({ description: "Which of a wallet's entries to read or export; every field optional." })
export class LedgerEntryFilter {
  @Field(() => String, {
    nullable: true,
    description: 'The transaction kind: usage, recharge, transfer, adjustment, ...',
  })
  kind?: string | null;
  @Field(() => Date, { nullable: true, description: 'Entries created at or after.' })
  from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Entries created before.' })
  to?: Date | null;
}
