import { Logger } from '@nestjs/common';
import {
  probeDeployments,
  redisOptionsFromUrl,
  type DeploymentIdentity,
  type ServiceName,
} from '@tally/transport';
import Redis from 'ioredis';

/** Another deployment already uses this service's channels or this Redis database. */
export class DeploymentClash extends Error {
  override readonly name = 'DeploymentClash';
}

export interface DeploymentGuardOptions {
  readonly service: ServiceName;
  readonly identity: DeploymentIdentity;
  readonly redisUrl: string;
  readonly prefix: string;
  readonly timeoutMs: number;
}

/** The key that says which deployment uses a Redis database (BullMQ queues, rate limits). */
export const DEPLOYMENT_KEY = 'tally:deployment';
// A claim outlives its last holder by this much, so a deployment that is gone frees the
// database by itself; every live service process renews it well within.
const CLAIM_TTL_MS = 30_000;
const RENEW_EVERY_MS = 10_000;

// Sets the claim unless another deployment holds it; answers that deployment, or nil.
const CLAIM = `local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return holder end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end`;

/**
 * Keeps two deployments on one Redis server apart, at a service's start-up:
 * - the Redis database: BullMQ queues and every other key live in it, so one deployment
 *   claims it (a key renewed while any of its service processes runs) and another one is
 *   refused;
 * - the service's pub/sub channels, which Redis shares across databases: before answering
 *   on them, and once more right after (a deployment that started at the same moment), the
 *   processes already answering are asked which deployment they belong to.
 * Replicas of one deployment share its database, hence its identity, and start side by side.
 */
export class DeploymentGuard {
  private readonly logger = new Logger(DeploymentGuard.name);
  private readonly redis: Redis;
  private readonly claim: string;
  private renewal: NodeJS.Timeout | undefined;

  constructor(private readonly options: DeploymentGuardOptions) {
    this.redis = new Redis({
      ...redisOptionsFromUrl(options.redisUrl),
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectionName: 'tally-deployment',
    });
    // Renewal failures are logged below; ioredis would print every reconnect attempt.
    this.redis.on('error', () => undefined);
    this.claim = JSON.stringify(options.identity);
  }

  /** Claims the Redis database and checks the channels; throws DeploymentClash. */
  async beforeListening(): Promise<void> {
    await this.redis.connect();
    const holder = await this.claimDatabase();
    if (holder !== null) {
      throw new DeploymentClash(
        `Redis database ${this.where()} is in use by another Tally deployment ` +
          `(${describe(holder)}); this one is ${describe(this.options.identity)}. BullMQ queues ` +
          `live in the Redis database: give each deployment its own (the number in REDIS_URL).`,
      );
    }
    this.renewal = setInterval(() => void this.renew(), RENEW_EVERY_MS);
    this.renewal.unref();
    await this.assertChannelsOurs();
  }

  /** Checks the channels again, now that this process answers on them too. */
  async afterListening(): Promise<void> {
    await this.assertChannelsOurs();
  }

  async stop(): Promise<void> {
    clearInterval(this.renewal);
    await this.redis.eval(RELEASE, 1, DEPLOYMENT_KEY, this.claim).catch(() => undefined);
    this.redis.disconnect();
  }

  private async claimDatabase(): Promise<DeploymentIdentity | null> {
    const holder = (await this.redis.eval(CLAIM, 1, DEPLOYMENT_KEY, this.claim, CLAIM_TTL_MS)) as
      string | null;
    return holder === null ? null : parseIdentity(holder);
  }

  private async renew(): Promise<void> {
    try {
      const holder = await this.claimDatabase();
      if (holder !== null) {
        this.logger.error(
          { holder },
          `another Tally deployment (${describe(holder)}) claimed Redis database ${this.where()}`,
        );
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'could not renew the claim on the Redis database');
    }
  }

  private async assertChannelsOurs(): Promise<void> {
    const { service, prefix, identity } = this.options;
    const { listeners, answers } = await probeDeployments({ ...this.options, asking: identity });
    const others = answers.filter((answer) => answer.id !== identity.id);
    if (others.length > 0) {
      throw new DeploymentClash(
        `Another Tally deployment (${describe(others[0])}) already answers the ${service} ` +
          `service's messages on the Redis channels "${prefix}:${service}.*" of ` +
          `${this.server()}; this one is ${describe(identity)}. Redis pub/sub ignores the ` +
          `database number: give each deployment on this Redis server its own ` +
          `TALLY_TRANSPORT_PREFIX (default: the database name of DATABASE_URL).`,
      );
    }
    if (answers.length < listeners) {
      this.logger.warn(
        { listeners, answers: answers.length },
        `not every process on the ${service} channels answered which deployment it belongs to`,
      );
    }
  }

  private server(): string {
    const { host, port } = redisOptionsFromUrl(this.options.redisUrl);
    return `${host}:${port}`;
  }

  private where(): string {
    return `${redisOptionsFromUrl(this.options.redisUrl).db} on ${this.server()}`;
  }
}

function describe(identity: DeploymentIdentity): string {
  return `database "${identity.database}", id ${identity.id}`;
}

function parseIdentity(text: string): DeploymentIdentity {
  try {
    const value = JSON.parse(text) as Partial<DeploymentIdentity>;
    return { id: String(value.id), database: String(value.database) };
  } catch {
    return { id: text, database: 'unknown' };
  }
}
