import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Candle } from '@cryptosim/contracts';

/** One row of ../shared/data/market's kline CSVs, values exactly as written: the contract's Candle. */
export type CsvCandle = Candle;

const REQUIRED = ['open_time_ms', 'open', 'high', 'low', 'close', 'volume'] as const;
const DECIMAL = /^\d{1,20}(\.\d{1,20})?$/;

/** `open_time_ms,open,high,low,close,volume[,…]`, sorted by open time; extra columns are ignored. */
export function parseCandleCsv(text: string, name: string): CsvCandle[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split(',').map((h) => h.trim());
  const col = REQUIRED.map((h) => header.indexOf(h));
  if (col.some((i) => i < 0)) throw new Error(`${name}: header must contain ${REQUIRED.join(',')}`);
  const [t, o, h, l, c, v] = col as [number, number, number, number, number, number];
  let previous = -Infinity;
  return lines.map((line, i) => {
    const f = line.split(',');
    const candle = { openTime: Number(f[t]), open: f[o]!, high: f[h]!, low: f[l]!, close: f[c]!, volume: f[v]! };
    const bad = [candle.open, candle.high, candle.low, candle.close, candle.volume].some((x) => !DECIMAL.test(x ?? ''));
    if (!Number.isSafeInteger(candle.openTime) || bad) throw new Error(`${name}: line ${i + 2} is not a candle: ${line.slice(0, 80)}`);
    if (candle.openTime <= previous) throw new Error(`${name}: line ${i + 2} is not after the previous open time`);
    previous = candle.openTime;
    return candle;
  });
}

export async function readCandleCsv(file: string): Promise<CsvCandle[]> {
  return parseCandleCsv(await readFile(file, 'utf8'), path.basename(file));
}

/** `BTCUSDT-1m.csv` → `BTCUSDT`. */
export function symbolFromFileName(file: string): string | undefined {
  return /^([A-Z0-9]{2,20})-1m\.csv$/.exec(path.basename(file))?.[1];
}
