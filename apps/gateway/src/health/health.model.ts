import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One service answering through the message transport.' })
export class ServiceHealth {
  @Field()
  service!: string;

  @Field({ description: '"ok" once the service has reached its database.' })
  status!: string;

  @Field(() => Int, { description: 'Round-trip time from the gateway, in milliseconds.' })
  latencyMs!: number;
}
