import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MoneyScalar } from '@tally/money';

export enum AlertKind {
  AVAILABLE_BALANCE_BELOW = 'AVAILABLE_BALANCE_BELOW',
  MONTHLY_SPEND_ABOVE = 'MONTHLY_SPEND_ABOVE',
  MONTHLY_BUDGET_PERCENT_ABOVE = 'MONTHLY_BUDGET_PERCENT_ABOVE',
  RUNS_OUT_WITHIN = 'RUNS_OUT_WITHIN',
}
registerEnumType(AlertKind, {
  name: 'AlertKind',
  description:
    "AVAILABLE_BALANCE_BELOW amount: availableBalance < amount. MONTHLY_SPEND_ABOVE amount: this UTC month's charges plus pending charges ≥ amount. MONTHLY_BUDGET_PERCENT_ABOVE percent: that spend ≥ percent % of the sub-account's monthlyBudget. RUNS_OUT_WITHIN hours: runsOutAt at most hours away.",
});

export enum AlertState {
  OK = 'OK',
  TRIGGERED = 'TRIGGERED',
}
registerEnumType(AlertState, { name: 'AlertState' });

@ObjectType({
  description:
    'A threshold on a wallet, evaluated every minute with the debt ladder. It fires once when crossed (alert.triggered, an e-mail) and resolves once when the condition clears (alert.resolved).',
})
export class Alert {
  @Field(() => ID) id!: string;
  @Field(() => ID) walletId!: string;
  @Field(() => ID, { nullable: true, description: "Set when the wallet is a sub-account's." })
  subAccountId!: string | null;
  @Field(() => AlertKind) kind!: AlertKind;
  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'The threshold of AVAILABLE_BALANCE_BELOW and MONTHLY_SPEND_ABOVE.',
  })
  amount!: bigint | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The threshold of MONTHLY_BUDGET_PERCENT_ABOVE.',
  })
  percent!: number | null;
  @Field(() => Int, { nullable: true, description: 'The threshold of RUNS_OUT_WITHIN.' })
  hours!: number | null;
  @Field(() => AlertState) state!: AlertState;
  @Field(() => Date, {
    nullable: true,
    description: 'When state last changed; null while it never has.',
  })
  lastTransitionAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}

@InputType({
  description:
    "Give exactly the threshold the kind takes: amount (> 0), percent (1 to 1000) or hours (1 to 8760). A budget alert needs a sub-account's wallet with a monthly budget.",
})
export class CreateAlertInput {
  @Field(() => ID) walletId!: string;
  @Field(() => ID, {
    nullable: true,
    description: "When given, walletId must be this sub-account's wallet.",
  })
  subAccountId?: string | null;
  @Field(() => AlertKind) kind!: AlertKind;
  @Field(() => MoneyScalar, { nullable: true }) amount?: bigint | null;
  @Field(() => Int, { nullable: true }) percent?: number | null;
  @Field(() => Int, { nullable: true }) hours?: number | null;
}
