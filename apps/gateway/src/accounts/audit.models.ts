import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MoneyScalar } from '@tally/money';
import { PageInfo } from './account.models';

export enum AuditKind {
  BALANCE_ADJUSTED = 'BALANCE_ADJUSTED',
  CREDIT_GRANTED = 'CREDIT_GRANTED',
  RECHARGE_REFUNDED = 'RECHARGE_REFUNDED',
  INVOICE_VOIDED = 'INVOICE_VOIDED',
  INVOICE_REISSUED = 'INVOICE_REISSUED',
  NAMESPACE_SUSPENDED = 'NAMESPACE_SUSPENDED',
  NAMESPACE_RESUMED = 'NAMESPACE_RESUMED',
}
registerEnumType(AuditKind, {
  name: 'AuditKind',
  description:
    'An action by a person: adjustBalance, grantCredit, refundRecharge, voidInvoice, reissueInvoice, suspendNamespace, resumeNamespace.',
});

@ObjectType({
  description:
    'One action by a person, recorded with the action itself (never on its own, never twice for a replay); never changed.',
})
export class AuditRecord {
  @Field(() => ID) id!: string;
  @Field(() => AuditKind) kind!: AuditKind;
  @Field({ description: 'user, api_key or admin_key.' }) actorType!: string;
  @Field(() => ID, { nullable: true, description: "The user's or API key's id." })
  actorId!: string | null;
  @Field(() => ID) tenantId!: string;
  @Field({ description: 'wallet, invoice, recharge or namespace.' }) targetType!: string;
  @Field({ description: "The target's id (a namespace: its name)." }) targetId!: string;
  @Field() reason!: string;
  @Field(() => String, { nullable: true }) requestId!: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'What the action moved, if money.' })
  amount!: bigint | null;
  @Field(() => String, { nullable: true }) currency!: string | null;
  @Field(() => ID, { nullable: true, description: 'The ledger transaction it posted, if one.' })
  transactionId!: string | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType()
export class AuditRecordEdge {
  @Field() cursor!: string;
  @Field(() => AuditRecord) node!: AuditRecord;
}

@ObjectType()
export class AuditRecordConnection {
  @Field(() => [AuditRecordEdge]) edges!: AuditRecordEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
