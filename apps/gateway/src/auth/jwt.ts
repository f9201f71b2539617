import { createHmac, type KeyObject, timingSafeEqual, verify } from 'node:crypto';
import { unauthenticated } from '@tally/errors';

// Compact JWS verification on node:crypto, for the three algorithms Tally accepts. Every
// failure is UNAUTHENTICATED with a short reason; none of them says anything about keys.

export type JwtAlgorithm = 'HS256' | 'RS256' | 'ES256';

export interface DecodedJwt {
  readonly header: { readonly alg: string; readonly kid?: string };
  readonly claims: Readonly<Record<string, unknown>>;
  readonly signingInput: string;
  readonly signature: Buffer;
}

export interface ClaimExpectations {
  /** Seconds since the epoch. */
  readonly now: number;
  readonly issuer?: string;
  readonly audience?: string;
  /** Clock skew allowed between the identity provider and us, in seconds. */
  readonly leewaySeconds: number;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function decodeJwt(token: string): DecodedJwt {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) {
    throw unauthenticated('The bearer token is neither an API key nor a JWT');
  }
  const [header, claims] = [jsonObject(parts[0]), jsonObject(parts[1])];
  const alg = typeof header?.alg === 'string' ? header.alg : undefined;
  const kid = typeof header?.kid === 'string' ? header.kid : undefined;
  if (header === null || claims === null || alg === undefined) {
    throw unauthenticated('The JWT is malformed');
  }
  if (header.kid !== undefined && kid === undefined) throw unauthenticated('The JWT is malformed');
  // A critical extension we do not implement means we cannot know the token is valid.
  if (header.crit !== undefined) throw unauthenticated('The JWT uses unsupported extensions');
  return {
    header: { alg, kid },
    claims,
    signingInput: `${parts[0]}.${parts[1]}`,
    signature: Buffer.from(parts[2], 'base64url'),
  };
}

/**
 * Whether `key` is the kind the algorithm needs. Checked before verifying so that, say, an
 * RSA public key can never be used as an HMAC secret (the classic algorithm confusion).
 */
export function keyFitsAlgorithm(alg: JwtAlgorithm, key: KeyObject): boolean {
  switch (alg) {
    case 'HS256':
      return key.type === 'secret';
    case 'RS256':
      return (
        key.type === 'public' &&
        key.asymmetricKeyType === 'rsa' &&
        (key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048
      );
    case 'ES256':
      return (
        key.type === 'public' &&
        key.asymmetricKeyType === 'ec' &&
        key.asymmetricKeyDetails?.namedCurve === 'prime256v1'
      );
  }
}

export function signatureIsValid(alg: JwtAlgorithm, key: KeyObject, jwt: DecodedJwt): boolean {
  if (!keyFitsAlgorithm(alg, key)) return false;
  const data = Buffer.from(jwt.signingInput, 'ascii');
  switch (alg) {
    case 'HS256': {
      const expected = createHmac('sha256', key).update(data).digest();
      return jwt.signature.length === expected.length && timingSafeEqual(jwt.signature, expected);
    }
    case 'RS256':
      return verify('sha256', data, key, jwt.signature);
    case 'ES256':
      // JWS carries ECDSA signatures as r||s (64 bytes), not DER.
      return (
        jwt.signature.length === 64 &&
        verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, jwt.signature)
      );
  }
}

/** exp and nbf when present, iss and aud when configured. */
export function assertClaims(claims: DecodedJwt['claims'], expect: ClaimExpectations): void {
  const { exp, nbf, iss, aud } = claims;
  if (exp !== undefined && (typeof exp !== 'number' || expect.now > exp + expect.leewaySeconds)) {
    throw unauthenticated('The JWT has expired');
  }
  if (nbf !== undefined && (typeof nbf !== 'number' || expect.now + expect.leewaySeconds < nbf)) {
    throw unauthenticated('The JWT is not valid yet');
  }
  if (expect.issuer !== undefined && iss !== expect.issuer) {
    throw unauthenticated('The JWT was issued by another issuer');
  }
  if (expect.audience !== undefined) {
    const audiences: unknown[] = Array.isArray(aud) ? aud : [aud];
    if (!audiences.includes(expect.audience)) {
      throw unauthenticated('The JWT is meant for another audience');
    }
  }
}

function jsonObject(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
