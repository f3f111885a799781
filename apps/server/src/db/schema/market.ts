/**
 * Market data kept durably: closed (and live) candles, upserted idempotently by the projector.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, pgTable, primaryKey, varchar } from 'drizzle-orm/pg-core';
import { decimal, sqlList } from './columns.js';

export const CANDLE_INTERVALS = ['1m', '5m', '15m', '1h', '4h', '1d'] as const;
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
