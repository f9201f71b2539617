export interface RedisConnection {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls?: Record<string, never>;
}

/** ioredis connection options from a redis:// or rediss:// URL (user, password, db, TLS). */
export function redisOptionsFromUrl(url: string): RedisConnection {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
  };
}

/**
 * Nest's Redis transport gives up after the first disconnect unless told to retry; Tally's
 * services must ride out a Redis restart without being restarted themselves.
 */
export function rpcRedisOptions(url: string) {
  return {
    ...redisOptionsFromUrl(url),
    retryAttempts: Number.MAX_SAFE_INTEGER,
    retryDelay: 1000,
  };
}
