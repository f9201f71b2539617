import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../accounts/account.models';

@ObjectType()
export class WebhookEndpoint {
  @Field(() => ID) id!: string;
  @Field(() => ID) tenantId!: string;
  @Field() url!: string;
  @Field(() => [String]) eventTypes!: string[];
  @Field(() => Date) createdAt!: Date;
}

@ObjectType()
export class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpoint) endpoint!: WebhookEndpoint;
  @Field({ description: 'The signing secret. Shown once.' }) secret!: string;
}

@ObjectType()
export class WebhookAttempt {
  @Field(() => Int) attempt!: number;
  @Field(() => Int, { nullable: true }) statusCode!: number | null;
  @Field(() => Int) durationMs!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType()
export class WebhookDelivery {
  @Field(() => ID) id!: string;
  @Field(() => ID) eventId!: string;
  @Field() eventType!: string;
  @Field({
    description:
      'PENDING (retrying), DELIVERED, FAILED, or SUPERSEDED (not sent: the endpoint had ' +
      'already received a later event of the same wallet).',
  })
  status!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field(() => [WebhookAttempt]) attempts!: WebhookAttempt[];
}

@ObjectType()
export class WebhookDeliveryEdge {
  @Field() cursor!: string;
  @Field(() => WebhookDelivery) node!: WebhookDelivery;
}

@ObjectType()
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge]) edges!: WebhookDeliveryEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => ID) tenantId!: string;
  @Field() url!: string;
  @Field(() => [String], {
    description:
      'recharge.succeeded, recharge.failed, wallet.state_changed, namespace.suspended, namespace.resumed, invoice.issued, alert.triggered, alert.resolved',
  })
  eventTypes!: string[];
  @Field(() => String, {
    nullable: true,
    description: 'Your own secret (24 to 200 printable characters); a random one when absent.',
  })
  secret?: string | null;
}
