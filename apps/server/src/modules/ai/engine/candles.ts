/** Closed OHLCV candles as the engine sees them: numbers, sorted by open time, one interval. */
export interface Candle {
  /** Open time, Unix epoch milliseconds (UTC). */
  openTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export const INTERVAL_MS: Readonly<Record<string, number>> = {
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '4h': 14_400_000,
  '1d': 86_400_000,
};

export function intervalMs(interval: string): number {
  const ms = INTERVAL_MS[interval];
  if (ms === undefined) throw new Error(`unsupported interval "${interval}" (supported: ${Object.keys(INTERVAL_MS).join(', ')})`);
  return ms;
}

/**
 * Parses the kline CSV of ../shared/data/market (`open_time_ms,open,high,low,close,volume`, extra
 * columns ignored). Rows must be strictly increasing in time; a bad row names its line.
 */
export function parseCandlesCsv(text: string, source = 'candles'): Candle[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${source}: the header has no "${name}" column (got: ${header.join(',')})`);
    return i;
  };
  const [t, o, h, l, c, v] = ['open_time_ms', 'open', 'high', 'low', 'close', 'volume'].map(col) as [number, number, number, number, number, number];
  const out: Candle[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const f = line.split(',');
    const candle: Candle = {
      openTime: Number(f[t]),
      open: Number(f[o]),
      high: Number(f[h]),
      low: Number(f[l]),
      close: Number(f[c]),
      volume: Number(f[v]),
    };
    if (!Object.values(candle).every(Number.isFinite) || candle.close <= 0) throw new Error(`${source}: line ${i + 1} is not a valid candle: "${line}"`);
    const prev = out[out.length - 1];
    if (prev && candle.openTime <= prev.openTime) throw new Error(`${source}: line ${i + 1} is not after the previous row (rows must be sorted by open_time_ms, unique)`);
    out.push(candle);
  }
  return out;
}

/** The candles whose open time lies in [from, to] (inclusive, ms). */
export function sliceByTime(candles: readonly Candle[], from = -Infinity, to = Infinity): Candle[] {
  return candles.filter((c) => c.openTime >= from && c.openTime <= to);
}
