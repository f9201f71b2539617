import { createHash, randomBytes } from 'node:crypto';

/** Every Tally API key starts with this, so the gateway can tell keys from JWTs. */
export const API_KEY_PREFIX = 'tly_';
/** How much of the secret is kept in clear so people can tell their keys apart. */
export const DISPLAY_PREFIX_LENGTH = 12;
const SECRET_BYTES = 32;

export interface MintedApiKey {
  /** Shown to the caller once, never stored. */
  readonly secret: string;
  readonly secretHash: string;
  readonly prefix: string;
}

/**
 * A new key: `tly_` + 32 random bytes in base64url (256 bits, so a plain sha-256 is enough to
 * store it; a slow password hash would only add latency to every request).
 */
export function mintApiKey(random: (size: number) => Buffer = randomBytes): MintedApiKey {
  const secret = `${API_KEY_PREFIX}${random(SECRET_BYTES).toString('base64url')}`;
  return {
    secret,
    secretHash: hashApiKeySecret(secret),
    prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH),
  };
}

/** sha-256 of the whole secret, lowercase hex: what `api_keys.secret_hash` holds. */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

// tly_ + 43 base64url characters; anything else cannot be a key we issued.
const SHAPE = /^tly_[A-Za-z0-9_-]{43}$/;

export function isApiKeyShaped(secret: string): boolean {
  return SHAPE.test(secret);
}
