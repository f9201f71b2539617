import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum MemberRole {
  OWNER = 'OWNER',
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
}
registerEnumType(MemberRole, { name: 'MemberRole' });

export enum PlatformRole {
  FINANCE = 'FINANCE',
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
}
registerEnumType(PlatformRole, {
  name: 'PlatformRole',
  description: "Operator-side roles, held by the cloud's staff rather than by tenants.",
});

@ObjectType()
export class User {
  @Field(() => ID) id!: string;
  @Field() externalId!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => PlatformRole, {
    nullable: true,
    description: 'FINANCE or PLATFORM_ADMIN for staff of the cloud; null for everyone else.',
  })
  platformRole!: PlatformRole | null;
  // memberships: resolved by UserResolver.
}

// `tenant: Tenant!` and `user: User!` are resolved from tenantId and userId by the tenants module.
@ObjectType()
export class Membership {
  @Field(() => MemberRole) role!: MemberRole;
  tenantId!: string;
  userId!: string;
}

@ObjectType()
export class ApiKey {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'The first characters of the secret, to tell keys apart.' })
  prefix!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Recorded to the minute.' })
  lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  tenantId!: string;
}

@ObjectType()
export class ApiKeyWithSecret {
  @Field(() => ApiKey) apiKey!: ApiKey;
  @Field({ description: 'Shown once.' }) secret!: string;
}
