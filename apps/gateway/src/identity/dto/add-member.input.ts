import { Field, ID, InputType } from '@nestjs/graphql';
import { MemberRole } from '../identity.models';

@InputType()
export class AddMemberInput {
  @Field(() => ID) tenantId!: string;
  @Field() externalId!: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => MemberRole) role!: MemberRole;
}
