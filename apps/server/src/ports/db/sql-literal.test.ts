import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlLiteral, sqlRow } from './sql-literal.js';

describe('sqlLiteral', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = await PGlite.create();
  });
  afterAll(async () => {
    await pg.close();
  });

  it.each([`plain`, `it's`, `''`, `\\'; drop table x; --`, `back\\slash`, `ünïcode ✓`, ``])('when the string is %j, then PostgreSQL reads back exactly it', async (value) => {
    const { rows } = await pg.query<{ v: string }>(`select ${sqlLiteral(value)}::text as v`);
    expect(rows[0]?.v).toBe(value);
  });

  it('when the values are strings, integers and null, then each is quoted as drizzle would inline it', () => {
    const dialect = new PgDialect();
    for (const value of [`it's`, 42, null, `a\\b`]) {
      expect(sqlLiteral(value)).toBe(dialect.sqlToQuery(sql`${value}`.inlineParams()).sql);
    }
  });

  it('when a number is not a safe integer or a string holds NUL, then it is refused rather than quoted', () => {
    expect(() => sqlLiteral(1.5)).toThrow(/safe integer/);
    expect(() => sqlLiteral(2 ** 60)).toThrow(/safe integer/);
    expect(() => sqlLiteral('a\0b')).toThrow(/NUL/);
  });

  it('when a row has casts, then each value carries its own', () => {
    expect(sqlRow([1, 'x', null], ['int', '', 'numeric'])).toBe(`(1::int, 'x', null::numeric)`);
  });
});
