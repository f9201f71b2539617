import { createHmac } from 'node:crypto';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A development JWT (HS256 with TALLY_JWT_SECRET) for `externalId`, as the cloud's identity
 * provider would issue one: what a demo member signs in with.
 */
export function devJwt(
  secret: string,
  externalId: string,
  email: string,
  ttlSeconds: number,
  now = new Date(),
): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: externalId, email, iat: issuedAt, exp: issuedAt + ttlSeconds })}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}
