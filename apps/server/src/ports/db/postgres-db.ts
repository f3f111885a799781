/**
 * PostgreSQL through a node-postgres pool. Creating it does not connect; `migrate()` is the
 * first round trip and rejects with a clear error while the server is unreachable, so the
 * start-up code retries it with backoff (core/retry-with-backoff.ts).
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { MIGRATIONS_FOLDER, assertSchemaNotNewer } from './migrations.js';
import * as schema from '../../db/schema.js';
import type { PortHealth } from '../port-health.js';
import type { DbLogger } from './db-logger.js';
import type { Database, DbPort } from './db-port.js';
import { lockThenWriteOnPool } from './lock-then-write.js';

export interface PostgresDbOptions {
  url: string;
  logger: DbLogger;
  /**
   * Each order holds a connection for its whole transaction (lock, plan, write, commit), so
   * under load the pool, not PostgreSQL, queued requests at 10; 20 measured a third faster.
   */
  poolSize?: number;
  connectTimeoutMs?: number;
  healthTimeoutMs?: number;
}

/** pg_advisory_lock key ("cs-migr"), so replicas starting together migrate one at a time. */
const MIGRATION_LOCK_KEY = 0x63732d6d696772n;

export function createPostgresDb(options: PostgresDbOptions): DbPort {
  const { url, logger, poolSize = 20, connectTimeoutMs = 5_000, healthTimeoutMs = 2_000 } = options;
  const where = describeUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: connectTimeoutMs, application_name: 'cryptosim' });
  // An unhandled 'error' event crashes the process. The pool reports idle clients; a client
  // checked out when its server goes away reports on itself, so every client gets a listener.
  // The failed query still rejects and the pool replaces the client.
  const onLost = (err: Error) => logger.warn({ db: 'postgres', where, err: err.message }, 'PostgreSQL connection lost');
  pool.on('error', onLost);
  pool.on('connect', (client) => client.on('error', onLost));
  const db: Database = drizzle({ client: pool, schema });
  let closed = false;

  return {
    impl: 'postgres',
    db,
    maxConnections: poolSize,
    lockThenWrite: (reads, plan) => lockThenWriteOnPool(pool, reads, plan),
    async migrate() {
      let lockClient: pg.PoolClient | undefined;
      try {
        lockClient = await pool.connect();
        await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
        await assertSchemaNotNewer(db, where);
        await migrate(drizzle({ client: pool, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
        logger.info({ db: 'postgres', where }, 'database migrated');
      } catch (err) {
        throw new Error(`PostgreSQL at ${where}: migration failed: ${describeError(err)}`, { cause: err });
      } finally {
        // Releasing with an error destroys the client, which also drops its advisory lock.
        lockClient?.release(new Error('migration lock released'));
      }
    },
    async health(): Promise<PortHealth> {
      if (closed) return { impl: 'postgres', ok: false, error: 'closed' };
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${healthTimeoutMs} ms`)), healthTimeoutMs);
      });
      try {
        await Promise.race([db.execute(sql`select 1`), timeout]);
        return { impl: 'postgres', ok: true };
      } catch (err) {
        return { impl: 'postgres', ok: false, error: describeError(err) };
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** host:port/database, never the password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

function describeError(err: unknown): string {
  const e = err as { message?: string; code?: string; errors?: { message: string }[] };
  // A refused connection to "localhost" is an AggregateError (IPv6 and IPv4) with an empty message.
  const message = e.message || e.errors?.map((x) => x.message).join('; ') || String(err);
  return e.code && !message.includes(e.code) ? `${message} (${e.code})` : message;
}
