import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MoneyScalar } from '@tally/money';
import { PageInfo } from '../accounts/account.models';

export enum Resource {
  CPU = 'CPU',
  MEMORY = 'MEMORY',
  STORAGE = 'STORAGE',
  GPU = 'GPU',
  NETWORK_EGRESS = 'NETWORK_EGRESS',
  NODEPORT = 'NODEPORT',
}
registerEnumType(Resource, { name: 'Resource' });

export const PRICE_SCALE_DESCRIPTION =
  'The true price per unit-hour is pricePerUnitHour × 10^-scale; a scale above 0 expresses prices finer than 0.000001 exactly.';

@ObjectType()
export class Price {
  @Field(() => Resource) resource!: Resource;
  @Field() unit!: string;
  @Field(() => MoneyScalar) pricePerUnitHour!: bigint;
  @Field(() => Int, { description: PRICE_SCALE_DESCRIPTION }) scale!: number;
}

@ObjectType()
export class PriceBook {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field() currency!: string;
  @Field(() => Date) effectiveFrom!: Date;
  @Field(() => [Price]) prices!: Price[];
}

export enum RechargeStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  EXPIRED = 'EXPIRED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(RechargeStatus, { name: 'RechargeStatus' });

@ObjectType()
export class Recharge {
  @Field(() => ID) id!: string;
  @Field(() => MoneyScalar) amount!: bigint;
  @Field(() => MoneyScalar) bonus!: bigint;
  @Field(() => MoneyScalar, {
    description: 'Refunded so far through Stripe, cumulative; the whole amount once REFUNDED.',
  })
  refunded!: bigint;
  @Field(() => RechargeStatus) status!: RechargeStatus;
  @Field(() => String, { nullable: true, description: 'Stripe Checkout URL to send the payer to.' })
  checkoutUrl!: string | null;
  @Field(() => Date) createdAt!: Date;
  walletId!: string;
}

@ObjectType()
export class RechargeEdge {
  @Field() cursor!: string;
  @Field(() => Recharge) node!: Recharge;
}

@ObjectType()
export class RechargeConnection {
  @Field(() => [RechargeEdge]) edges!: RechargeEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType({ description: 'What one Stripe reconciliation found.' })
export class StripeReconciliation {
  @Field(() => Int) sessionsSeen!: number;
  @Field(() => Int, { description: 'Paid sessions credited now because their webhook never came.' })
  credited!: number;
}
