import { createHmac, createSign, generateKeyPairSync } from 'node:crypto';
import { DomainError } from '@tally/errors';
import { JwksKeySource } from './jwks-key-source';
import { JwtVerifier } from './jwt-verifier';

const SECRET = 'a-shared-secret-of-some-length';
const NOW = 1_700_000_000;
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function hs256(claims: object, secret = SECRET): string {
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
function rs256(claims: object, kid = 'k1'): string {
  const input = `${b64({ alg: 'RS256', kid })}.${b64(claims)}`;
  return `${input}.${createSign('sha256').update(input).sign(rsa.privateKey, 'base64url')}`;
}

async function failureOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}: ${error.message}`;
    throw error;
  }
}

describe('JwtVerifier', () => {
  describe('with a shared secret (HS256)', () => {
    const verifier = new JwtVerifier({
      keys: { kind: 'secret', secret: SECRET },
      now: () => NOW * 1000,
    });

    it('returns the sub and the e-mail claim', async () => {
      await expect(
        verifier.verify(hs256({ sub: 'auth0|1', email: 'a@x.test', exp: NOW + 60 })),
      ).resolves.toEqual({
        externalId: 'auth0|1',
        email: 'a@x.test',
      });
      await expect(verifier.verify(hs256({ sub: 'auth0|1', email: 42 }))).resolves.toEqual({
        externalId: 'auth0|1',
      });
    });

    it.each([
      ['another secret', hs256({ sub: 'a' }, 'not-the-secret-at-all')],
      ['an expired token', hs256({ sub: 'a', exp: NOW - 3600 })],
      ['no sub', hs256({ exp: NOW + 60 })],
      ['an empty sub', hs256({ sub: '' })],
      ['an asymmetric algorithm', rs256({ sub: 'a' })],
    ])('refuses %s with UNAUTHENTICATED', async (_, token) => {
      expect(await failureOf(verifier.verify(token))).toMatch(/^UNAUTHENTICATED: /);
    });
  });

  describe('with a JWKS (RS256/ES256)', () => {
    const jwk = { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256' };
    const source = new JwksKeySource({
      url: 'https://id.example.test/jwks',
      fetch: async () => Response.json({ keys: [jwk] }),
    });
    const verifier = new JwtVerifier({
      keys: { kind: 'jwks', source },
      issuer: 'https://id.example.test/',
      audience: 'tally',
      now: () => NOW * 1000,
    });
    const good = { sub: 'idp|7', iss: 'https://id.example.test/', aud: 'tally', exp: NOW + 60 };

    it('accepts a token signed by a key of the set', async () => {
      await expect(verifier.verify(rs256(good))).resolves.toEqual({ externalId: 'idp|7' });
    });

    it('refuses HS256 tokens, whatever secret signed them', async () => {
      expect(await failureOf(verifier.verify(hs256(good)))).toBe(
        'UNAUTHENTICATED: JWTs signed with HS256 are not accepted here',
      );
    });

    it('refuses the wrong issuer or audience', async () => {
      expect(await failureOf(verifier.verify(rs256({ ...good, iss: 'https://evil/' })))).toMatch(
        /issuer/,
      );
      expect(await failureOf(verifier.verify(rs256({ ...good, aud: 'other' })))).toMatch(
        /audience/,
      );
    });
  });
});
