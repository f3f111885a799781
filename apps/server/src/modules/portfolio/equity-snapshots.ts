/**
 * The worker's minute job: one equity point per user per minute, the account at live prices
 * (cash including reservations + Σ quantity × price; a symbol without a price counts at its
 * average price). One INSERT … SELECT over all users, with the minute as the time, and
 * ON CONFLICT DO NOTHING on (user_id, time): a retried or doubly scheduled run adds nothing.
 */
import { sql } from 'drizzle-orm';
import type { CachePort } from '../../ports/cache/cache-port.js';
import type { Database } from '../../ports/db/db-port.js';
import type { SymbolRegistry } from '../../ports/market/market-source.js';
import { readTicker } from '../market/index.js';

export const MINUTE_MS = 60_000;

export async function livePrices(cache: CachePort, symbols: string[], now = Date.now()): Promise<Map<string, string>> {
  const rows = await Promise.all(symbols.map(async (s) => [s, await readTicker(cache, s, now)] as const));
  return new Map(rows.filter(([, row]) => row !== null).map(([s, row]) => [s, row!.price]));
}

/** Returns how many snapshots were written (0 when this minute was already taken). */
export async function snapshotEquity(db: Database, cache: CachePort, symbols: SymbolRegistry, now = Date.now()): Promise<number> {
  const minute = new Date(Math.floor(now / MINUTE_MS) * MINUTE_MS);
  const prices = await livePrices(cache, symbols.list().map((s) => s.symbol), now);
  const priceRows = [...prices].map(([symbol, price]) => sql`(${symbol}::varchar, ${price}::numeric)`);
  const priceTable = priceRows.length > 0 ? sql`(values ${sql.join(priceRows, sql`, `)}) as price(symbol, price)` : sql`(select null::varchar as symbol, null::numeric as price where false) as price`;
  const result = await db.execute(sql`
    insert into equity_snapshots (user_id, run, time, value)
    select u.id, u.run, ${minute.toISOString()}::timestamptz,
           u.balance + coalesce(sum(p.quantity * coalesce(price.price, p.avg_price)), 0)
    from users u
    left join portfolios p on p.user_id = u.id and p.quantity > 0
    left join ${priceTable} on price.symbol = p.symbol
    group by u.id, u.run, u.balance
    on conflict (user_id, time) do nothing`);
  // node-postgres reports rowCount, PGlite affectedRows.
  const counts = result as unknown as { rowCount?: number | null; affectedRows?: number };
  return counts.rowCount ?? counts.affectedRows ?? 0;
}
