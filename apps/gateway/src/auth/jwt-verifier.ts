import { createSecretKey, type KeyObject } from 'node:crypto';
import { unauthenticated } from '@tally/errors';
import { JwksKeySource } from './jwks-key-source';
import { assertClaims, decodeJwt, type JwtAlgorithm, signatureIsValid } from './jwt';

/** Who a verified JWT says the caller is. */
export interface JwtIdentity {
  readonly externalId: string;
  readonly email?: string;
}

export type JwtKeys =
  /** Local development and tests: HS256 with TALLY_JWT_SECRET. */
  | { readonly kind: 'secret'; readonly secret: string }
  /** Production: the identity provider's RS256/ES256 keys (TALLY_JWT_JWKS_URL). */
  | { readonly kind: 'jwks'; readonly source: JwksKeySource };

export interface JwtVerifierOptions {
  readonly keys: JwtKeys;
  readonly issuer?: string;
  readonly audience?: string;
  readonly leewaySeconds?: number;
  readonly now?: () => number;
}

const MAX_EXTERNAL_ID = 255;

/** Verifies the JWTs of people signed in with the cloud's identity provider. */
export class JwtVerifier {
  // One family of algorithms per mode: a JWKS deployment never accepts a shared-secret token.
  private readonly algorithms: readonly JwtAlgorithm[];
  private readonly secretKey: KeyObject | undefined;
  private readonly leewaySeconds: number;
  private readonly now: () => number;

  constructor(private readonly options: JwtVerifierOptions) {
    const { keys } = options;
    this.algorithms = keys.kind === 'secret' ? ['HS256'] : ['RS256', 'ES256'];
    this.secretKey = keys.kind === 'secret' ? createSecretKey(Buffer.from(keys.secret)) : undefined;
    this.leewaySeconds = options.leewaySeconds ?? 30;
    this.now = options.now ?? Date.now;
  }

  async verify(token: string): Promise<JwtIdentity> {
    const jwt = decodeJwt(token);
    const alg = this.algorithms.find((candidate) => candidate === jwt.header.alg);
    if (alg === undefined) {
      throw unauthenticated(`JWTs signed with ${jwt.header.alg} are not accepted here`);
    }
    const key = this.secretKey ?? (await this.jwksKey(alg, jwt.header.kid));
    if (!signatureIsValid(alg, key, jwt)) throw unauthenticated('The JWT signature is not valid');
    assertClaims(jwt.claims, {
      now: Math.floor(this.now() / 1000),
      issuer: this.options.issuer,
      audience: this.options.audience,
      leewaySeconds: this.leewaySeconds,
    });
    const { sub, email } = jwt.claims;
    if (typeof sub !== 'string' || sub.length === 0 || sub.length > MAX_EXTERNAL_ID) {
      throw unauthenticated('The JWT has no usable sub claim');
    }
    return typeof email === 'string' ? { externalId: sub, email } : { externalId: sub };
  }

  private async jwksKey(alg: JwtAlgorithm, kid: string | undefined): Promise<KeyObject> {
    if (this.options.keys.kind !== 'jwks') throw new Error('no JWKS configured');
    return this.options.keys.source.keyFor(alg, kid);
  }
}
