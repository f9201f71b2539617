import { Field, ID, InputType } from '@nestjs/graphql';
import { MoneyScalar } from '@tally/money';

@InputType()
export class StartRechargeInput {
  @Field(() => ID) walletId!: string;
  @Field(() => MoneyScalar) amount!: bigint;
  @Field() idempotencyKey!: string;
}
