import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { DomainError, ErrorCode, unauthenticated } from '@tally/errors';
import { type JwtAlgorithm, keyFitsAlgorithm } from './jwt';

export interface JwksOptions {
  readonly url: string;
  /** How long a fetched key set is used before it is fetched again. */
  readonly cacheTtlMs?: number;
  /**
   * Least time between two fetches. A token with an unknown `kid` triggers a fetch (the
   * provider may have rotated its keys), so without this anyone could make us hammer it.
   */
  readonly minRefreshIntervalMs?: number;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

interface CachedKey {
  readonly kid: string | undefined;
  readonly alg: string | undefined;
  readonly key: KeyObject;
}

/**
 * The identity provider's public keys, fetched from its JWKS URL and cached. When a refresh
 * fails, the keys already known keep working until the provider answers again.
 */
export class JwksKeySource {
  private readonly logger = new Logger(JwksKeySource.name);
  private readonly cacheTtlMs: number;
  private readonly minRefreshIntervalMs: number;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private keys: readonly CachedKey[] = [];
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private attemptedAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | undefined;

  constructor(private readonly options: JwksOptions) {
    this.cacheTtlMs = options.cacheTtlMs ?? 10 * 60_000;
    this.minRefreshIntervalMs = options.minRefreshIntervalMs ?? 30_000;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.fetch = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
  }

  /** The key that signed a token with this header, or UNAUTHENTICATED if none of ours. */
  async keyFor(alg: JwtAlgorithm, kid: string | undefined): Promise<KeyObject> {
    const stale = this.now() - this.fetchedAt >= this.cacheTtlMs;
    // A fetch already under way is awaited even when no new one may start: its keys may be
    // the first we get.
    if (this.refreshing !== undefined || (stale && this.mayFetch())) await this.refresh();
    let key = this.find(alg, kid);
    if (key === undefined && this.mayFetch()) {
      await this.refresh();
      key = this.find(alg, kid);
    }
    if (key !== undefined) return key;
    if (this.keys.length === 0) {
      throw new DomainError(
        ErrorCode.INTERNAL,
        'The signing keys of the identity provider are unavailable',
        {
          reason: 'JWKS_UNAVAILABLE',
        },
      );
    }
    throw unauthenticated('The JWT was not signed by a key of the identity provider');
  }

  private find(alg: JwtAlgorithm, kid: string | undefined): KeyObject | undefined {
    const usable = this.keys.filter(
      (k) => (k.alg === undefined || k.alg === alg) && keyFitsAlgorithm(alg, k.key),
    );
    // Without a kid the token can only be matched when the set leaves no choice.
    if (kid === undefined) return usable.length === 1 ? usable[0].key : undefined;
    return usable.find((k) => k.kid === kid)?.key;
  }

  private mayFetch(): boolean {
    return this.now() - this.attemptedAt >= this.minRefreshIntervalMs;
  }

  private refresh(): Promise<void> {
    // Requests arriving during a fetch wait for that one instead of starting their own.
    this.refreshing ??= this.load().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async load(): Promise<void> {
    this.attemptedAt = this.now();
    try {
      const response = await this.fetch(this.options.url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      this.keys = this.parse(await response.json());
      this.fetchedAt = this.now();
    } catch (error) {
      this.logger.warn(
        { err: error, url: this.options.url, cachedKeys: this.keys.length },
        'could not fetch the JWKS; keeping the keys already known',
      );
    }
  }

  private parse(body: unknown): CachedKey[] {
    const list = isObject(body) && Array.isArray(body.keys) ? body.keys : undefined;
    if (list === undefined) throw new Error('the response is not a JWK set');
    const keys: CachedKey[] = [];
    for (const jwk of list) {
      if (!isObject(jwk) || (jwk.use !== undefined && jwk.use !== 'sig')) continue;
      try {
        keys.push({
          kid: typeof jwk.kid === 'string' ? jwk.kid : undefined,
          alg: typeof jwk.alg === 'string' ? jwk.alg : undefined,
          key: createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }),
        });
      } catch (error) {
        this.logger.warn({ err: error, kid: jwk.kid }, 'skipping a JWK that is not a public key');
      }
    }
    return keys;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
