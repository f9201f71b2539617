import { Field, Int, ObjectType } from '@nestjs/graphql';
import { MoneyScalar } from '@tally/money';
import { DebtState, PageInfo } from '../accounts/account.models';

@ObjectType({ description: 'How many wallets of the currency are in one debt state.' })
export class DebtStateCount {
  @Field(() => DebtState) state!: DebtState;
  @Field(() => Int) wallets!: number;
}

@ObjectType({ description: "One UTC day's movements of the currency's wallets." })
export class DailyTotals {
  @Field(() => Date, { description: "The day's first instant (UTC midnight)." }) day!: Date;
  @Field(() => MoneyScalar, {
    description: 'What usage and its reconciliation corrections took from wallets that day.',
  })
  charges!: bigint;
  @Field(() => MoneyScalar, { description: 'What recharges put into wallets that day.' })
  recharges!: bigint;
}

@ObjectType({
  description:
    "The platform's money in one currency: every wallet's balance now, split into paid money and promotional credit, pending usage, wallets per debt state, and charges and recharges per day.",
})
export class FinanceOverview {
  @Field() currency!: string;
  @Field(() => MoneyScalar, { description: "Σ of every wallet's balance in the currency." })
  balance!: bigint;
  @Field(() => MoneyScalar, { description: 'balance − promotional.' }) paid!: bigint;
  @Field(() => MoneyScalar, {
    description: 'Promotional credit (recharge bonuses, grants) not spent or expired yet.',
  })
  promotional!: bigint;
  @Field(() => Int) wallets!: number;
  @Field(() => MoneyScalar, {
    description: 'Priced usage of hours the ledger does not have yet, of every wallet.',
  })
  pendingUsage!: bigint;
  @Field(() => [DebtStateCount], { description: 'A state no wallet is in is left out.' })
  walletsByDebtState!: DebtStateCount[];
  @Field(() => [DailyTotals], { description: 'One per UTC day of [from, to), in order.' })
  dailyTotals!: DailyTotals[];
}

// wallet and tenant are resolved by DebtBoardResolver from the ids.
@ObjectType({ description: 'A wallet in debt, as the debt ladder last evaluated it.' })
export class DebtBoardEntry {
  @Field(() => DebtState) state!: DebtState;
  @Field(() => Date, {
    description: 'When the wallet entered the state: time in state is now − since.',
  })
  since!: Date;
  walletId!: string;
  tenantId!: string;
}

@ObjectType()
export class DebtBoardEdge {
  @Field() cursor!: string;
  @Field(() => DebtBoardEntry) node!: DebtBoardEntry;
}

@ObjectType()
export class DebtBoardConnection {
  @Field(() => [DebtBoardEdge]) edges!: DebtBoardEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
