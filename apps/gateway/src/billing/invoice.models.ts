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
  @Field(() => ID, {
    nullable: true,
    description: 'The voided invoice this one reissues (reissueInvoice), if it is a reissue.',
  })
  reissueOf!: string | null;
  tenantId!: string;
}

/** Promotional credit's own account, on a statement and on each of its wallets. */
@ObjectType({ isAbstract: true })
export abstract class StatementCreditLines {
  @Field(() => MoneyScalar, { description: 'Promotional credit open at the period start.' })
  creditOpening!: bigint;
  @Field(() => MoneyScalar, {
    description: 'Promotional credit granted (bonuses, grantCredit); never credit moved in.',
  })
  creditsGranted!: bigint;
  @Field(() => MoneyScalar, {
    description:
      'Promotional credit that arrived from the tenant’s other wallets (a transfer or budget top-up the paying wallet’s paid money could not cover). For the tenant, equal to creditsMovedOut.',
  })
  creditsMovedIn!: bigint;
  @Field(() => MoneyScalar, {
    description:
      'Promotional credit drawn: spent before paid money, or clawed back with a refund; never credit moved out.',
  })
  creditsUsed!: bigint;
  @Field(() => MoneyScalar, {
    description:
      'Promotional credit that left for the tenant’s other wallets, where it is creditsMovedIn.',
  })
  creditsMovedOut!: bigint;
  @Field(() => MoneyScalar, { description: 'Promotional credit that left at expiry.' })
  creditsExpired!: bigint;
  @Field(() => MoneyScalar, {
    description:
      'creditOpening + creditsGranted + creditsMovedIn − creditsUsed − creditsMovedOut − creditsExpired.',
  })
  creditClosing!: bigint;
}

@ObjectType()
export class WalletStatement extends StatementCreditLines {
  @Field(() => ID) walletId!: string;
  @Field() kind!: string;
  @Field(() => String, { nullable: true }) subAccountName!: string | null;
  @Field(() => MoneyScalar) opening!: bigint;
  @Field(() => MoneyScalar) recharges!: bigint;
  @Field(() => MoneyScalar, {
    description: 'Usage charged on this statement (positive), by the hour it was used in.',
  })
  charges!: bigint;
  @Field(() => MoneyScalar, { description: 'The part of charges for hours before the period.' })
  priorPeriod!: bigint;
  @Field(() => MoneyScalar, { description: 'Charged here, posted after the period end.' })
  chargesPostedLater!: bigint;
  @Field(() => MoneyScalar, { description: 'Posted in the period, charged on another statement.' })
  chargesOfOtherStatements!: bigint;
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
export class StatementPriorPeriodLine {
  @Field({ description: 'YYYY-MM of the hours charged for.' }) month!: string;
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
    'opening + recharges − charges + chargesPostedLater − chargesOfOtherStatements + adjustments + other = closing, for the tenant and each wallet (grants and expiries of promotional credit are in other, by kind; the credit lines are its own account). Usage is charged in the month of the hour it was used in (prior-period lines for usage of a closed month posted later); balances are by posting time.',
})
export class Statement extends StatementCreditLines {
  @Field(() => ID) tenantId!: string;
  @Field() currency!: string;
  @Field(() => Date) periodStart!: Date;
  @Field(() => Date) periodEnd!: Date;
  @Field({ description: 'False while the month runs or before month-end generation.' })
  final!: boolean;
  @Field(() => Date, {
    description: 'Prior-period usage counts when posted from here on (the previous cutoff).',
  })
  usageSince!: Date;
  @Field(() => Date, {
    nullable: true,
    description: 'When the month closed: usage posted later goes on the next statement.',
  })
  usageCutoff!: Date | null;
  @Field(() => MoneyScalar) opening!: bigint;
  @Field(() => MoneyScalar) recharges!: bigint;
  @Field(() => MoneyScalar, { description: 'The invoice total: usage of the period + prior.' })
  charges!: bigint;
  @Field(() => MoneyScalar) priorPeriod!: bigint;
  @Field(() => MoneyScalar) chargesPostedLater!: bigint;
  @Field(() => MoneyScalar) chargesOfOtherStatements!: bigint;
  @Field(() => MoneyScalar) adjustments!: bigint;
  @Field(() => MoneyScalar, { description: 'Bonuses, refunds...; own transfers net to 0.' })
  other!: bigint;
  @Field(() => MoneyScalar) closing!: bigint;
  @Field(() => [WalletStatement]) wallets!: WalletStatement[];
  @Field(() => [StatementUsageLine], { description: 'The period’s usage.' })
  usage!: StatementUsageLine[];
  @Field(() => [StatementPriorPeriodLine], {
    description: 'Usage of earlier months posted after they were closed (corrections, mostly).',
  })
  priorPeriodLines!: StatementPriorPeriodLine[];
  @Field(() => [StatementOtherLine]) otherLines!: StatementOtherLine[];
  @Field(() => ID, { nullable: true }) invoiceId!: string | null;
}

@ObjectType()
export class MonthRun {
  @Field() month!: string;
  @Field(() => Date, { description: 'When the month’s last hour was settled (≥ its end).' })
  usageCutoff!: Date;
  @Field(() => Int) tenants!: number;
  @Field(() => Int) issued!: number;
  @Field(() => Int) alreadyDone!: number;
  @Field(() => Int) failed!: number;
}
