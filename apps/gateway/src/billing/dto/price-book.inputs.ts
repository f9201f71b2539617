import { Field, InputType, Int } from '@nestjs/graphql';
import { MoneyScalar } from '@tally/money';
import { PRICE_SCALE_DESCRIPTION, Resource } from '../billing.models';

@InputType()
export class PriceInput {
  @Field(() => Resource) resource!: Resource;
  @Field() unit!: string;
  @Field(() => MoneyScalar) pricePerUnitHour!: bigint;
  @Field(() => Int, { defaultValue: 0, description: PRICE_SCALE_DESCRIPTION }) scale!: number;
}

@InputType()
export class CreatePriceBookVersionInput {
  @Field() currency!: string;
  @Field(() => Date, { description: 'Now or later: past prices are never rewritten.' })
  effectiveFrom!: Date;
  @Field() reason!: string;
  @Field(() => [PriceInput], { description: 'Every resource exactly once.' })
  prices!: PriceInput[];
}
