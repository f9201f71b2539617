import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { RpcClient, type IRpcClient, type Principal } from '@tally/transport';
import type { Request } from 'express';
import { Strategy, type VerifyFunction } from 'passport-http-bearer';
import { JwtVerifier } from './jwt-verifier';
import { secretMatches } from './secret-match';

export interface BearerSettings {
  /** TALLY_ADMIN_API_KEY: the bootstrap platform admin, when configured. */
  readonly adminApiKey: string | undefined;
}

export const BEARER_SETTINGS = Symbol('BEARER_SETTINGS');

const API_KEY_PREFIX = 'tly_';

/**
 * passport-http-bearer also takes `access_token` from the query string and the body. Tally
 * reads the Authorization header only: URLs end up in access logs and browser history.
 */
class AuthorizationHeaderBearer extends Strategy<VerifyFunction> {
  constructor(verify: VerifyFunction) {
    super(verify);
  }

  override authenticate(request: Request, options?: object): void {
    const headerOnly: Pick<Request, 'headers'> = {
      headers: { authorization: request.headers.authorization },
    };
    // The strategy reads nothing but these fields; passport keeps the real request.
    super.authenticate(headerOnly as Request, options);
  }
}

/**
 * The one way in: `Authorization: Bearer <token>`, where the token is the admin key, a Tally
 * API key (`tly_…`, checked by the account service) or a JWT of the identity provider.
 */
@Injectable()
export class BearerStrategy extends PassportStrategy(AuthorizationHeaderBearer, 'bearer') {
  constructor(
    @Inject(BEARER_SETTINGS) private readonly settings: BearerSettings,
    private readonly jwt: JwtVerifier,
    @Inject(RpcClient) private readonly rpc: IRpcClient,
  ) {
    super();
  }

  async validate(token: string): Promise<Principal> {
    const { adminApiKey } = this.settings;
    if (adminApiKey !== undefined && secretMatches(token, adminApiKey))
      return { kind: 'admin_key' };
    if (token.startsWith(API_KEY_PREFIX)) {
      return this.rpc.send('account.auth.resolveApiKey', { secret: token });
    }
    const identity = await this.jwt.verify(token);
    return this.rpc.send('account.auth.resolveUser', identity);
  }
}
