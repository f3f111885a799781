/**
 * Hourly candles for the AI benches: the five real symbols of ../shared/data/market, read at run
 * time and cut at 2025-12-31 (the 2026 candles are held out). Without ../shared, seeded synthetic
 * walks stand in (the notes say which).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCandlesCsv, type Candle } from '../../apps/server/src/modules/ai/engine/index.js';
import { syntheticCandles } from '../../apps/server/src/modules/ai/engine/synthetic-candles.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MARKET_DIR = path.resolve(root, '../shared/data/market');
export const REAL_SYMBOLS = ['BTCUSDT', 'ETHUSDT', 'XRPUSDT', 'SOLUSDT', 'BNBUSDT'];
export const HOLD_OUT_FROM = Date.UTC(2026, 0, 1);

export function loadHourly(symbol: string): { candles: Candle[]; source: 'real' | 'synthetic' } {
  const file = path.join(MARKET_DIR, `${symbol}-1h.csv`);
  if (!existsSync(file)) {
    return { candles: syntheticCandles(3 * 8760, { seed: REAL_SYMBOLS.indexOf(symbol) + 1, start: Date.UTC(2023, 0, 1) }), source: 'synthetic' };
  }
  return { candles: parseCandlesCsv(readFileSync(file, 'utf8'), file).filter((c) => c.openTime < HOLD_OUT_FROM), source: 'real' };
}
