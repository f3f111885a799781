/**
 * Issue #11: one year of 1h candles × 10 symbols trains in ≤ 20 s on 2 cores. The data is the
 * five real symbols' 2025 candles plus five more made from the same symbols' 2024 candles moved
 * onto 2025's clock (real price paths, another year) because ../shared has only five symbols.
 * Timed: features, libxgboost's own calls, and everything (features + labels + training + JSON).
 */
import os from 'node:os';
import { trainModel, type Candle, type SymbolCandles } from '../apps/server/src/modules/ai/engine/index.js';
import { loadHourly, REAL_SYMBOLS } from './support/ai-candles.js';
import type { Benchmark, Cell } from './support/benchmark.js';

const TARGET_SECONDS = 20;
const YEAR_2025 = Date.UTC(2025, 0, 1);
const YEAR_2024 = Date.UTC(2024, 0, 1);
const HISTORY_MS = 30 * 86_400_000;

function dataset(): { symbols: SymbolCandles[]; btc: Candle[]; source: string } {
  const symbols: SymbolCandles[] = [];
  let source = 'real';
  let btc: Candle[] = [];
  for (const symbol of REAL_SYMBOLS) {
    const { candles, source: s } = loadHourly(symbol);
    if (s !== 'real') source = 'synthetic';
    // A month before the year as indicator history; rows are the year itself.
    const y2025 = candles.filter((c) => c.openTime >= YEAR_2025 - HISTORY_MS);
    const y2024 = candles.filter((c) => c.openTime >= YEAR_2024 - HISTORY_MS && c.openTime < YEAR_2025).map((c) => ({ ...c, openTime: c.openTime + (YEAR_2025 - YEAR_2024) }));
    if (symbol === 'BTCUSDT') btc = y2025;
    symbols.push({ symbol, candles: y2025 }, { symbol: `${symbol.replace('USDT', '')}24USDT`, candles: y2024 });
  }
  return { symbols, btc, source };
}

const bench: Benchmark = {
  description: 'train a model on 1 year × 10 symbols of 1h candles with libxgboost',
  async run() {
    const { symbols, btc, source } = dataset();
    const rows: Array<Record<string, Cell>> = [];
    const figures: Record<string, number> = {};
    const threadCounts = [...new Set([1, os.availableParallelism()])];
    for (const threads of threadCounts) {
      const result = trainModel({ symbols, btc, interval: '1h', horizon: 1, from: YEAR_2025, to: Date.UTC(2025, 11, 31, 23), threads });
      const m = result.artifact.metrics;
      const seconds = result.timings.totalMs / 1000;
      rows.push({
        threads,
        symbols: symbols.length,
        rows: result.rows,
        features: result.artifact.featureNames.length,
        rounds: (m.bestIteration ?? 0) + 1,
        roundsRun: m.rounds ?? 0,
        seconds,
        libxgboostSeconds: result.timings.nativeMs / 1000,
        featuresSeconds: result.timings.featuresMs / 1000,
        oursSeconds: (result.timings.totalMs - result.timings.nativeMs) / 1000,
        target: `≤ ${TARGET_SECONDS} s`,
        met: seconds <= TARGET_SECONDS,
      });
      figures[`seconds_${threads}t`] = seconds;
      figures[`libxgboostSeconds_${threads}t`] = result.timings.nativeMs / 1000;
    }
    return {
      title: 'AI training: 1 year × 10 symbols, 1h, multi:softprob hist, early stopping on the last 15 %',
      rows,
      figures,
      notes: [
        `candles: ${source === 'real' ? 'the five real symbols of ../shared/data/market for 2025, plus the same five symbols’ 2024 candles shifted onto 2025 (named e.g. BTC24USDT)' : 'synthetic (../shared/data/market not found)'}`,
        'oursSeconds = features, labels, row selection, float32 copies and the artifact around libxgboost’s calls',
        '1 thread is the default (trainBooster); libxgboost with more threads than free cores slows down sharply (OpenMP barriers spin)',
      ],
    };
  },
};

export default bench;
