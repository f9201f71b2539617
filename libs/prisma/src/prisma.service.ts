import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { Pool, type PoolClient } from 'pg';
import { PRISMA_OPTIONS, type PrismaOptions } from './prisma.options';

/**
 * The Prisma client of one service, on the pg driver adapter: the client's Rust query engine
 * cannot be downloaded on our machines (schema.prisma sets engineType "client").
 * Inject it into repositories only.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  private readonly logger = new Logger(PrismaService.name);

  /** The pool under the client, for reviewed raw SQL on hot paths (one round trip, no ORM). */
  readonly pool: Pool;

  constructor(@Inject(PRISMA_OPTIONS) options: PrismaOptions) {
    const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolMax });
    super({ adapter: new PrismaPg(pool) });
    this.pool = pool;
    // Without a listener, an idle connection dropped by the server would crash the process;
    // the pool replaces it on the next query.
    this.pool.on('error', (error) =>
      this.logger.warn(`Idle database connection lost: ${error.message}`),
    );
  }

  // Last of all: Nest runs onModuleDestroy before it stops the HTTP listener and the message
  // server, so a request still being answered there would find the pool ended.
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    // The adapter leaves a pool it was given open.
    await this.pool.end();
  }

  /**
   * Which database this is, as Postgres itself knows it: the cluster's system identifier and
   * the database's oid. Every process on this database (replicas, and the cluster's physical
   * standbys after a failover) sees the same id; any other database, a restored copy
   * included, has another one.
   */
  /**
   * Runs `work` in one transaction on a connection of its own, for raw SQL that must commit
   * together: committed when `work` resolves, rolled back when it throws.
   */
  async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async databaseIdentity(): Promise<{ id: string; database: string }> {
    const { rows } = await this.pool.query<{ id: string; database: string }>(
      `SELECT (SELECT system_identifier FROM pg_control_system())::text || '/' || d.oid::text AS id,
              d.datname::text AS database
         FROM pg_database d WHERE d.datname = current_database()`,
    );
    return rows[0];
  }

  /** Resolves once the database answers `SELECT 1`; rejects after `timeoutMs` (readiness). */
  async ping(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Database did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.$queryRaw`SELECT 1`, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
