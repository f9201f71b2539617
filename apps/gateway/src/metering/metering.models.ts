import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MoneyScalar } from '@tally/money';
import { Resource } from '../billing/billing.models';

@ObjectType({ description: "One resource's usage and charge for one namespace in one hour." })
export class UsageLine {
  @Field() namespace!: string;
  @Field(() => Date) hour!: Date;
  @Field(() => Resource) resource!: Resource;
  @Field({ description: "Quantity in the resource's billing unit (see PriceBook)." })
  quantity!: string;
  @Field(() => MoneyScalar) amount!: bigint;
}

@ObjectType()
export class SettlementRun {
  @Field(() => ID) id!: string;
  @Field(() => Date) hour!: Date;
  @Field(() => Int) namespaces!: number;
  @Field(() => MoneyScalar, {
    description: 'Sum of the charges this run posted (zero when everything was already settled).',
  })
  charged!: bigint;
  @Field() status!: string;
  @Field(() => Date) startedAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the run FAILED, e.g. usage no price book of its currency could charge.',
  })
  error!: string | null;
}

@ObjectType({ description: 'One thing a reconciliation run found.' })
export class ReconciliationFinding {
  @Field({
    description: 'adjustment, flagged_hour, source_mismatch, ledger or missing_charge.',
  })
  kind!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'For a flagged namespace-hour (kinds adjustment and flagged_hour), what was done with it: ' +
      'adjusted (the difference was posted), nothing_owed (the charge stands) or kept_flagged ' +
      '(minutes without data remain; any proven difference was posted and the next run looks ' +
      'again).',
  })
  action!: string | null;
  @Field(() => String, { nullable: true }) namespace!: string | null;
  @Field(() => Date, { nullable: true }) hour!: Date | null;
  @Field() detail!: string;
}

@ObjectType({ description: 'What one reconciliation run checked, found and corrected.' })
export class ReconciliationReport {
  @Field(() => ID) id!: string;
  @Field({ description: 'schedule or finance.' }) trigger!: string;
  @Field(() => Date) fromHour!: Date;
  @Field(() => Date) toHour!: Date;
  @Field() status!: string;
  @Field(() => Int) hoursChecked!: number;
  @Field(() => Int, { description: 'Namespace-hours with missing samples or a recorded gap.' })
  flaggedHours!: number;
  @Field(() => Int) refilledSamples!: number;
  @Field(() => Int) adjustments!: number;
  @Field(() => MoneyScalar, { description: 'Net of the adjustments posted (positive: charged).' })
  adjusted!: bigint;
  @Field(() => Int, { description: 'Namespace-hours where the agent and Prometheus disagree.' })
  sourceMismatches!: number;
  @Field(() => Int) ledgerMismatches!: number;
  @Field(() => [ReconciliationFinding]) findings!: ReconciliationFinding[];
  @Field(() => Date) startedAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
}

export enum SpendGrouping {
  NAMESPACE = 'NAMESPACE',
  SUB_ACCOUNT = 'SUB_ACCOUNT',
  RESOURCE = 'RESOURCE',
}
registerEnumType(SpendGrouping, {
  name: 'SpendGrouping',
  description:
    "How Tenant.dailySpend splits a day: NAMESPACE (key: the namespace), SUB_ACCOUNT (key: the sub-account's id, or the tenant's id for its own wallet), RESOURCE (key: the Resource's name).",
});

@ObjectType({ description: "One UTC day's settled spending of one group (see SpendGrouping)." })
export class DailySpend {
  @Field({ description: 'The UTC day, YYYY-MM-DD.' }) day!: string;
  @Field({ description: 'The group: a namespace, a sub-account or tenant id, or a resource.' })
  key!: string;
  @Field(() => MoneyScalar, { description: "In the tenant's currency." }) amount!: bigint;
}
