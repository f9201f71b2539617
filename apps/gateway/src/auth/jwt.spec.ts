import {
  createHmac,
  createSecretKey,
  createSign,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { DomainError, ErrorCode } from '@tally/errors';
import { assertClaims, decodeJwt, keyFitsAlgorithm, signatureIsValid } from './jwt';

const b64 = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function sign(alg: string, claims: object, key: KeyObject | string, header: object = {}): string {
  const input = `${b64({ alg, typ: 'JWT', ...header })}.${b64(claims)}`;
  let signature: Buffer;
  if (typeof key === 'string') signature = createHmac('sha256', key).update(input).digest();
  else if (alg === 'ES256') {
    signature = createSign('sha256').update(input).sign({ key, dsaEncoding: 'ieee-p1363' });
  } else signature = createSign('sha256').update(input).sign(key);
  return `${input}.${signature.toString('base64url')}`;
}

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED)
      return error.message;
    throw error;
  }
}

describe('JWT primitives', () => {
  const secret = createSecretKey(Buffer.from('a-shared-secret-of-some-length'));
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  it('verifies HS256, RS256 and ES256 signatures', () => {
    const hs = decodeJwt(sign('HS256', { sub: 'a' }, 'a-shared-secret-of-some-length'));
    const rs = decodeJwt(sign('RS256', { sub: 'a' }, rsa.privateKey, { kid: 'k1' }));
    const es = decodeJwt(sign('ES256', { sub: 'a' }, ec.privateKey));
    expect(rs.header).toEqual({ alg: 'RS256', kid: 'k1' });
    expect(signatureIsValid('HS256', secret, hs)).toBe(true);
    expect(signatureIsValid('RS256', rsa.publicKey, rs)).toBe(true);
    expect(signatureIsValid('ES256', ec.publicKey, es)).toBe(true);
  });

  it('refuses a token whose claims were changed after signing', () => {
    const token = sign('RS256', { sub: 'a' }, rsa.privateKey);
    const [header, , signature] = token.split('.');
    const forged = decodeJwt(`${header}.${b64({ sub: 'admin' })}.${signature}`);
    expect(signatureIsValid('RS256', rsa.publicKey, forged)).toBe(false);
  });

  it('never uses a key of the wrong kind (algorithm confusion)', () => {
    // The classic attack: HMAC-sign with the RSA public key's bytes, claim HS256.
    const pem = rsa.publicKey.export({ type: 'spki', format: 'pem' });
    const forged = decodeJwt(sign('HS256', { sub: 'a' }, pem.toString()));
    expect(signatureIsValid('HS256', rsa.publicKey, forged)).toBe(false);
    expect(keyFitsAlgorithm('RS256', secret)).toBe(false);
    expect(keyFitsAlgorithm('ES256', rsa.publicKey)).toBe(false);
    expect(keyFitsAlgorithm('RS256', ec.publicKey)).toBe(false);
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(keyFitsAlgorithm('RS256', small.publicKey)).toBe(false);
  });

  it.each([
    ['not a JWT', 'abc'],
    ['four parts', 'a.b.c.d'],
    ['a header that is not JSON', `${b64('nope')}.${b64({})}.sig`],
    ['a header without alg', `${b64({ typ: 'JWT' })}.${b64({})}.sig`],
    ['claims that are an array', `${b64({ alg: 'HS256' })}.${b64('[1]')}.sig`],
    ['a critical extension', `${b64({ alg: 'HS256', crit: ['b64'] })}.${b64({})}.sig`],
    ['a non-string kid', `${b64({ alg: 'HS256', kid: 7 })}.${b64({})}.sig`],
    ['an empty signature', `${b64({ alg: 'none' })}.${b64({})}.`],
  ])('refuses %s', (_, token) => {
    expect(reasonOf(() => decodeJwt(token))).toBeDefined();
  });

  describe('claims', () => {
    const now = 1_000_000;
    const expect_ = { now, leewaySeconds: 30 };

    it('checks exp and nbf with some leeway for clock skew', () => {
      expect(reasonOf(() => assertClaims({ exp: now - 10 }, expect_))).toBeUndefined();
      expect(reasonOf(() => assertClaims({ exp: now - 31 }, expect_))).toBe('The JWT has expired');
      expect(reasonOf(() => assertClaims({ nbf: now + 10 }, expect_))).toBeUndefined();
      expect(reasonOf(() => assertClaims({ nbf: now + 31 }, expect_))).toBe(
        'The JWT is not valid yet',
      );
      expect(reasonOf(() => assertClaims({ exp: 'tomorrow' }, expect_))).toBeDefined();
      expect(reasonOf(() => assertClaims({}, expect_))).toBeUndefined();
    });

    it('checks the issuer and the audience when configured', () => {
      const strict = { ...expect_, issuer: 'https://id/', audience: 'tally' };
      expect(
        reasonOf(() => assertClaims({ iss: 'https://id/', aud: 'tally' }, strict)),
      ).toBeUndefined();
      expect(
        reasonOf(() => assertClaims({ iss: 'https://id/', aud: ['x', 'tally'] }, strict)),
      ).toBeUndefined();
      expect(
        reasonOf(() => assertClaims({ iss: 'https://other/', aud: 'tally' }, strict)),
      ).toBeDefined();
      expect(
        reasonOf(() => assertClaims({ iss: 'https://id/', aud: 'billing' }, strict)),
      ).toBeDefined();
      expect(reasonOf(() => assertClaims({ iss: 'https://id/' }, strict))).toBeDefined();
    });
  });
});
