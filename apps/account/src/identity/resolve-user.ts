import { Inject, Injectable } from '@nestjs/common';
import type { Principal, RpcRequest } from '@tally/transport';
import { emailFrom, externalIdFrom } from './identity-input';
import { UserRepository, type IUserRepository } from './user.repository';

type ResolveUserInput = RpcRequest<'account.auth.resolveUser'>;

/**
 * The gateway has verified a JWT; this turns its `sub` into a Tally user, creating the user on
 * first sight. The identity provider owns the e-mail address, so a changed claim is copied.
 */
@Injectable()
export class ResolveUser {
  constructor(@Inject(UserRepository) private readonly users: IUserRepository) {}

  async execute(input: ResolveUserInput): Promise<Principal> {
    const externalId = externalIdFrom(input.externalId);
    const email = emailFromClaim(input.email);
    let user = await this.users.findOrCreate(externalId, email);
    if (email !== null && user.email !== email) user = await this.users.setEmail(user.id, email);
    return { kind: 'user', userId: user.id, platformRole: user.platformRole };
  }
}

// A malformed e-mail claim must not lock its owner out: it is ignored, not refused.
function emailFromClaim(raw: unknown): string | null {
  try {
    return emailFrom(raw);
  } catch {
    return null;
  }
}
