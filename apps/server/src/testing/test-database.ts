/**
 * A throw-away PostgreSQL database per suite, on the server DATABASE_URL points at, so
 * suites and parallel runs never share tables. Named cs_test_<RUN_ID>_<n>.
 */
import pg from 'pg';
import { RUN_ID } from './services.js';

export interface TestDatabase {
  url: string;
  name: string;
  /** Ends every connection to the database and drops it. */
  drop(): Promise<void>;
}

let counter = 0;

export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  counter += 1;
  const name = `cs_test_${RUN_ID}_${counter}`.toLowerCase();
  await withAdmin(adminUrl, (admin) => admin.query(`create database ${quote(name)}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      // WITH (FORCE) (PostgreSQL 13+) terminates the sessions a leaked pool may still hold.
      await withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${quote(name)} with (force)`));
    },
  };
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
