import { sql } from 'drizzle-orm';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from './rows-of.js';
import { service } from '../../testing/services.js';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.js';
import type { DbPort } from './db-port.js';
import { createPostgresDb } from './postgres-db.js';

const postgres = await service('postgres');

describe.skipIf(!postgres.url)('DbPort.lockThenWrite on PostgreSQL (BEGIN with the reads, COMMIT with the write)', () => {
  let database: TestDatabase;
  let port: DbPort;
  // One connection: a transaction left open or aborted would break the next test's.
  beforeAll(async () => {
    database = await createTestDatabase(postgres.url!);
    port = createPostgresDb({ url: database.url, logger: pino({ level: 'silent' }), poolSize: 1 });
    await port.db.execute(sql`create table notes (id int primary key, body text not null check (body <> ''), n int not null)`);
    await port.db.execute(sql`insert into notes values (1, 'first', 0)`);
  }, 60_000);
  afterAll(async () => {
    await port?.close();
    await database?.drop();
  });

  const bodyOf = async (id: number) => rowsOf<{ body: string }>(await port.db.execute(sql`select body from notes where id = ${id}`))[0]?.body;
  const readNote = [sql`select id from notes where id = 1 for update`, sql`select n from notes where id = 1`];

  it('when the write is planned from the last read, then it commits and done() sees its returned rows', async () => {
    const tricky = `it's a \\'quoted\\' body; drop table notes; --`;
    const result = await port.lockThenWrite<{ n: number }, { id: number }, string>(readNote, ([row]) => ({
      write: sql`insert into notes values (${row!.n + 2}, ${tricky}, 0) returning id`,
      done: (rows) => `wrote ${rows[0]!.id}`,
    }));
    expect(result).toBe('wrote 2');
    expect(await bodyOf(2), 'a string with quotes, backslashes and a semicolon is stored as sent').toBe(tricky);
  });

  it('when there are several reads, then the plan gets the rows of each, and a plan with nothing to write still ends the transaction', async () => {
    const seen = await port.lockThenWrite<{ n: number }, never, unknown[][]>(
      [sql`select id from notes where id = 1 for update`, sql`select body from notes where id = 1`, sql`select n from notes where id = 1`],
      (rows, everyRead) => ({ write: null, done: () => [rows, ...everyRead] }),
    );
    expect(seen).toEqual([[{ n: expect.any(Number) }], [{ id: 1 }], [{ body: 'first' }], [{ n: expect.any(Number) }]]);
    // From another connection: NOWAIT fails at once if the row lock was still held (no COMMIT).
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      await expect(other.query('select id from notes where id = 1 for update nowait')).resolves.toMatchObject({ rowCount: 1 });
    } finally {
      await other.end();
    }
  });

  it('when planning throws, then nothing is written and the connection is clean for the next transaction', async () => {
    const planned = port.lockThenWrite(readNote, () => {
      throw new Error('refused by the plan');
    });
    await expect(planned).rejects.toThrow('refused by the plan');
    const after = await port.lockThenWrite<{ n: number }, { n: number }, number>(readNote, ([row]) => ({
      write: sql`update notes set n = ${row!.n + 1} where id = 1 returning n`,
      done: (rows) => rows[0]!.n,
    }));
    expect(after, 'the next transaction on the same connection ran and committed').toBe(1);
  });

  it('when the write violates a constraint, then the error keeps its SQLSTATE and nothing of the transaction stays', async () => {
    const failing = port.lockThenWrite(readNote, () => ({
      write: sql`with u as (update notes set n = 100 where id = 1) insert into notes values (3, '', 0)`,
      done: () => 'unreachable',
    }));
    await expect(failing).rejects.toMatchObject({ code: '23514' });
    const n = rowsOf<{ n: number }>(await port.db.execute(sql`select n from notes where id = 1`))[0]?.n;
    expect(n, 'the update in the failed statement was rolled back').toBe(1);
    expect(await bodyOf(3)).toBeUndefined();
  });
});
