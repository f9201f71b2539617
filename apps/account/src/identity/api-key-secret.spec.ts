import { createHash } from 'node:crypto';
import { hashApiKeySecret, isApiKeyShaped, mintApiKey } from './api-key-secret';

describe('API key secrets', () => {
  it('are tly_ and 32 random bytes in base64url', () => {
    const { secret } = mintApiKey();
    expect(secret).toMatch(/^tly_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret.slice(4), 'base64url')).toHaveLength(32);
    expect(isApiKeyShaped(secret)).toBe(true);
  });

  it('are stored as the sha-256 hex of the whole secret, with a 12-character prefix', () => {
    const minted = mintApiKey(() => Buffer.alloc(32, 0xab));
    expect(minted.secret).toBe(`tly_${Buffer.alloc(32, 0xab).toString('base64url')}`);
    expect(minted.secretHash).toBe(createHash('sha256').update(minted.secret).digest('hex'));
    expect(minted.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(minted.prefix).toBe(minted.secret.slice(0, 12));
    expect(minted.prefix).toMatch(/^tly_.{8}$/);
  });

  it('differ every time', () => {
    const secrets = new Set(Array.from({ length: 100 }, () => mintApiKey().secret));
    expect(secrets.size).toBe(100);
  });

  it('hash deterministically and tell keys apart', () => {
    expect(hashApiKeySecret('tly_a')).toBe(hashApiKeySecret('tly_a'));
    expect(hashApiKeySecret('tly_a')).not.toBe(hashApiKeySecret('tly_b'));
  });

  it.each([
    '',
    'tly_',
    'tly_short',
    `tly_${'a'.repeat(44)}`,
    `xyz_${'a'.repeat(43)}`,
    `tly_${'a'.repeat(42)}=`,
  ])('recognises %p as not a key we issued', (candidate) =>
    expect(isApiKeyShaped(candidate)).toBe(false),
  );
});
