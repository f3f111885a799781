/**
 * An account's durable state (cash, reservations, positions) without prices. Trading steps
 * hand over the state they just committed; readers load it from the database, through a
 * short-lived cache entry `portfolio:<userId>` that every fill, cancel and reset deletes.
 */
import { eq } from 'drizzle-orm';
import { dec } from '@cryptosim/trading-rules';
import { positions, users } from '../../db/schema.js';
import type { CachePort } from '../../ports/cache/cache-port.js';
import type { Database } from '../../ports/db/db-port.js';
import { AppError } from '../../kernel/app-error.js';
import type { AccountSnapshot, Position } from '../trading/index.js';

export type { AccountSnapshot };

/** Short: a reader that raced a writer's invalidation can cache a stale state for this long at most. */
export const PORTFOLIO_TTL_MS = 5_000;
export const portfolioKey = (userId: number) => `portfolio:${userId}`;

type Stored = { balance: string; reserved: string; initialBalance: string; run: number; positions: Array<[string, Record<keyof Position, string>]> };

function encode(s: AccountSnapshot): string {
  const stored: Stored = {
    balance: s.cash.balance.toFixed(),
    reserved: s.cash.reserved.toFixed(),
    initialBalance: s.initialBalance.toFixed(),
    run: s.run,
    positions: [...s.positions].map(([symbol, p]) => [
      symbol,
      { quantity: p.quantity.toFixed(), reservedQuantity: p.reservedQuantity.toFixed(), avgPrice: p.avgPrice.toFixed(), realizedPnl: p.realizedPnl.toFixed() },
    ]),
  };
  return JSON.stringify(stored);
}

function decode(text: string): AccountSnapshot {
  const s = JSON.parse(text) as Stored;
  return {
    cash: { balance: dec(s.balance), reserved: dec(s.reserved) },
    initialBalance: dec(s.initialBalance),
    run: s.run,
    positions: new Map(
      s.positions.map(([symbol, p]) => [
        symbol,
        { quantity: dec(p.quantity), reservedQuantity: dec(p.reservedQuantity), avgPrice: dec(p.avgPrice), realizedPnl: dec(p.realizedPnl) },
      ]),
    ),
  };
}

export async function loadAccountSnapshot(db: Database, userId: number): Promise<AccountSnapshot> {
  const [user] = await db
    .select({ balance: users.balance, reserved: users.reservedBalance, initialBalance: users.initialBalance, run: users.run })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new AppError('UNAUTHORIZED', 401, 'The account of this token no longer exists.');
  const rows = await db.select().from(positions).where(eq(positions.userId, userId));
  return {
    cash: { balance: dec(user.balance), reserved: dec(user.reserved) },
    initialBalance: dec(user.initialBalance),
    run: user.run,
    positions: new Map(
      rows.map((r) => [
        r.symbol,
        { quantity: dec(r.quantity), reservedQuantity: dec(r.reservedQuantity), avgPrice: dec(r.avgPrice), realizedPnl: dec(r.realizedPnl) },
      ]),
    ),
  };
}

export async function cachedAccountSnapshot(db: Database, cache: CachePort, userId: number): Promise<AccountSnapshot> {
  const hit = await cache.get(portfolioKey(userId));
  if (hit) return decode(hit);
  const fresh = await loadAccountSnapshot(db, userId);
  await cache.set(portfolioKey(userId), encode(fresh), PORTFOLIO_TTL_MS);
  return fresh;
}

export async function invalidatePortfolio(cache: CachePort, userId: number): Promise<void> {
  await cache.del(portfolioKey(userId));
}
