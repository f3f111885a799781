/**
 * Market data kept durably: closed (and live) candles, upserted idempotently by the projector.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, jsonb, pgTable, primaryKey, smallint, text, varchar } from 'drizzle-orm/pg-core';
import { createdAt, decimal, sqlList, updatedAt } from './columns.js';

export const CANDLE_INTERVALS = ['1m', '3m', '5m', '15m', '30m', '1h', '4h', '1d', '1w'] as const;
export type CandleInterval = (typeof CANDLE_INTERVALS)[number];

export const candles = pgTable(
  'candles',
  {
    symbol: varchar('symbol', { length: 20 }).notNull(),
    interval: varchar('interval', { length: 4, enum: CANDLE_INTERVALS }).notNull(),
    /**
     * Epoch milliseconds, as Binance, the Kafka events and the API all carry it: the hot
     * upsert path and range queries never convert to and from Date.
     */
    openTime: bigint('open_time', { mode: 'number' }).notNull(),
    open: decimal('open').notNull(),
    high: decimal('high').notNull(),
    low: decimal('low').notNull(),
    close: decimal('close').notNull(),
    volume: decimal('volume').notNull(),
  },
  (t) => [
    primaryKey({ name: 'candles_pkey', columns: [t.symbol, t.interval, t.openTime] }),
    check('candles_interval_known', sql.raw(`"interval" in (${sqlList(CANDLE_INTERVALS)})`)),
  ],
);

export const MARKET_WORLD_KINDS = ['live', 'simulated', 'replay'] as const;
export type MarketWorldKind = (typeof MARKET_WORLD_KINDS)[number];

/**
 * The one market this database belongs to, recorded at first start: live Binance prices, a
 * simulated market (its seed), or a replayed file (its checksum). One row at most; candles,
 * fills and valuations in this database are all of this world. `checkpoint` is where the
 * feed stopped (the simulator's last closes and volatility, the replay's position), so a
 * restart continues instead of starting over.
 */
export const marketWorld = pgTable(
  'market_world',
  {
    id: smallint('id').primaryKey().default(1),
    kind: varchar('kind', { length: 16, enum: MARKET_WORLD_KINDS }).notNull(),
    seed: text('seed'),
    checksum: varchar('checksum', { length: 64 }),
    checkpoint: jsonb('checkpoint').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('market_world_single_row', sql`${t.id} = 1`),
    check('market_world_kind_known', sql.raw(`"kind" in (${sqlList(MARKET_WORLD_KINDS)})`)),
  ],
);
