/**
 * Column shapes shared by every table, so a precision decision is made once.
 */
import { numeric, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every decimal (price, quantity, USDT amount) is NUMERIC(36,18): 18 integer digits and
 * 18 fractional digits, the finest unit any crypto asset uses (ERC-20 "wei"). One scale for
 * all of them means a value moves between columns without silent rounding; that matters for
 * `orders.reserved_amount`, which holds USDT for a buy and the base asset for a sell.
 * Drizzle returns NUMERIC as a string: never a JS float.
 */
export const decimal = (name: string) => numeric(name, { precision: 36, scale: 18 });

/** A timestamptz that is set on insert. */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A timestamptz that drizzle refreshes on every `update()` (raw SQL must set it itself). */
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** `'A', 'B'` for a CHECK constraint over a closed set of literals defined in code. */
export const sqlList = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
