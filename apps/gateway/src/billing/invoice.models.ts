import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MoneyScalar } from '@tally/money';

export enum InvoiceStatus {
  DRAFT = 'DRAFT',
  ISSUED = 'ISSUED',
  VOID = 'VOID',
}
registerEnumType(InvoiceStatus, { name: 'InvoiceStatus' });

@ObjectType()
export class Invoice {
  @Field(() => ID) id!: string;
  @Field({ description: 'Sequential per year without gaps, e.g. 2026-000001.' }) number!: string;
  @Field(() => Date) periodStart!: Date;
  @Field(() => Date, { description: 'Exclusive: the first instant after the period.' })
  periodEnd!: Date;
  @Field(() => InvoiceStatus) status!: InvoiceStatus;
  @Field(() => MoneyScalar, { description: 'Usage charges of the period.' }) total!: bigint;
  @Field() currency!: string;
  @Field(() => Date) issuedAt!: Date;
  @Field(() => String, {
    nullable: true,
    description: 'GET it on this gateway with the same Authorization header as GraphQL.',
  })
  pdfUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was voided, when VOID.' })
  voidReason!: string | null;
  tenantId!: string;
}

@ObjectType()
export class WalletStatement {
  @Field(() => ID) walletId!: string;
  @Field() kind!: string;
  @Field(() => String, { nullable: true }) subAccountName!: string | null;
  @Field(() => MoneyScalar) opening!: bigint;
  @Field(() => MoneyScalar) recharges!: bigint;
  @Field(() => MoneyScalar, { description: 'Usage consumed (positive).' }) charges!: bigint;
  @Field(() => MoneyScalar) adjustments!: bigint;
  @Field(() => MoneyScalar, { description: 'Net in/out from the tenant’s other wallets.' })
  internalTransfers!: bigint;
  @Field(() => MoneyScalar) other!: bigint;
  @Field(() => MoneyScalar) closing!: bigint;
}

@ObjectType()
export class StatementUsageLine {
  @Field() namespace!: string;
  @Field() resource!: string;
  @Field(() => MoneyScalar) amount!: bigint;
}

@ObjectType()
export class StatementOtherLine {
  @Field({ description: 'Ledger transaction kind (bonus, refund, ...).' }) kind!: string;
  @Field(() => MoneyScalar) amount!: bigint;
}

@ObjectType({
  description:
    'opening + recharges − charges + adjustments + other = closing, for the tenant and each wallet. Entries count in the period they were posted in.',
})
export class Statement {
  @Field(() => ID) tenantId!: string;
  @Field() currency!: string;
  @Field(() => Date) periodStart!: Date;
  @Field(() => Date) periodEnd!: Date;
  @Field({ description: 'False while the month runs or before month-end generation.' })
  final!: boolean;
  @Field(() => MoneyScalar) opening!: bigint;
  @Field(() => MoneyScalar) recharges!: bigint;
  @Field(() => MoneyScalar) charges!: bigint;
  @Field(() => MoneyScalar) adjustments!: bigint;
  @Field(() => MoneyScalar, { description: 'Bonuses, refunds...; own transfers net to 0.' })
  other!: bigint;
  @Field(() => MoneyScalar) closing!: bigint;
  @Field(() => [WalletStatement]) wallets!: WalletStatement[];
  @Field(() => [StatementUsageLine]) usage!: StatementUsageLine[];
  @Field(() => [StatementOtherLine]) otherLines!: StatementOtherLine[];
  @Field(() => ID, { nullable: true }) invoiceId!: string | null;
}

@ObjectType()
export class MonthRun {
  @Field() month!: string;
  @Field(() => Int) tenants!: number;
  @Field(() => Int) issued!: number;
  @Field(() => Int) alreadyDone!: number;
  @Field(() => Int) failed!: number;
}
