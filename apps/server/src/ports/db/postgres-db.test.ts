import { sql } from 'drizzle-orm';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from './rows-of.js';
import { service } from '../../testing/services.js';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.js';
import { describeDbPortContract } from './db-port.contract.js';
import { createPostgresDb } from './postgres-db.js';

const postgres = await service('postgres');
const logger = pino({ level: 'silent' });

describe.skipIf(!postgres.url)('PostgreSQL database meets the db port contract', () => {
  const databases: TestDatabase[] = [];
  const fresh = async () => {
    const database = await createTestDatabase(postgres.url ?? '');
    databases.push(database);
    return database;
  };
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.drop()));
  });

  describeDbPortContract(async () => createPostgresDb({ url: (await fresh()).url, logger }));

  describe('on a real server', () => {
    let url: string;
    beforeAll(async () => {
      url = (await fresh()).url;
    });

    it('when replicas migrate the same empty database at once, then all succeed and each migration is recorded once', async () => {
      const replicas = Array.from({ length: 3 }, () => createPostgresDb({ url, logger }));
      try {
        await Promise.all(replicas.map((r) => r.migrate()));
        const [first] = replicas;
        const result = await first!.db.execute(sql`select count(*)::int as n, count(distinct hash)::int as distinct_n from drizzle.__drizzle_migrations`);
        const [counts] = rowsOf<{ n: number; distinct_n: number }>(result);
        expect(counts?.n, 'no migration applied twice').toBe(counts?.distinct_n);
      } finally {
        await Promise.all(replicas.map((r) => r.close()));
      }
    });

    it('when the server kills the connections, then the process survives and the pool reconnects', async () => {
      const port = createPostgresDb({ url, logger });
      try {
        await port.migrate();
        const inFlight = port.db.transaction(async (tx) => {
          await tx.execute(sql`select pg_terminate_backend(pg_backend_pid())`);
        });
        await expect(inFlight, 'the transaction whose connection died').rejects.toThrow();
        // Idle pooled connections die too; the pool must drop them rather than crash.
        await port.health();
        const admin = new pg.Client({ connectionString: postgres.url });
        await admin.connect();
        await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [
          new URL(url).pathname.slice(1),
        ]);
        await admin.end();
        // The pool learns of each killed idle connection asynchronously: poll until health
        // recovers, failing with the last answer if it never does.
        let health = await port.health();
        for (const deadline = Date.now() + 5_000; !health.ok && Date.now() < deadline; ) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          health = await port.health();
        }
        expect(health, 'health once the server is back').toEqual({ impl: 'postgres', ok: true });
      } finally {
        await port.close();
      }
    });

    it('when the server is unreachable, then migrate rejects naming host and port, without the password', async () => {
      const port = createPostgresDb({ url: 'postgres://app:s3cret@127.0.0.1:1/cryptosim', logger, connectTimeoutMs: 1_000 });
      try {
        const error = await port.migrate().catch((e: unknown) => e as Error);
        expect(error, 'migrate must reject').toBeInstanceOf(Error);
        expect(error?.message).toMatch(/127\.0\.0\.1:1\/cryptosim/);
        expect(error?.message).toMatch(/ECONNREFUSED/);
        expect(error?.message).not.toMatch(/s3cret/);
        expect((await port.health()).ok, 'health while unreachable').toBe(false);
      } finally {
        await port.close();
      }
    });
  });
});
