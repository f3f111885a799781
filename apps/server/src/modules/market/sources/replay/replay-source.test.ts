import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SourceKline, SourceTick } from '../../../../ports/market/market-source.js';
import { marketDataFile } from '../testing/market-data-dir.js';
import { parseCandleCsv, type CsvCandle } from './read-candle-csv.js';
import { ReplaySource } from './replay-source.js';

const real = marketDataFile('1m-2026-03-24_2026-04-21/BTCUSDT-1m.csv');
const silent = pino({ level: 'silent' });

describe.skipIf(real.skipReason)('replay source playing real BTCUSDT candles', () => {
  let dir: string;
  let file: string;
  let rows: CsvCandle[];

  beforeAll(async () => {
    // The first two hours of the real file, as its own CSV, keep the test quick.
    const lines = (await readFile(real.file, 'utf8')).split('\n').slice(0, 121).join('\n');
    dir = await mkdtemp(path.join(os.tmpdir(), 'cs-replay-'));
    file = path.join(dir, 'BTCUSDT-1m.csv');
    await writeFile(file, lines);
    rows = parseCandleCsv(lines, 'BTCUSDT-1m.csv');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  afterEach(() => vi.useRealTimers());

  async function play(speed: number) {
    vi.useFakeTimers({ now: 0 });
    const klines: SourceKline[] = [];
    const ticks: SourceTick[] = [];
    const source = new ReplaySource({ files: [{ file }], speed, logger: silent });
    await source.start({ onKline: (k) => klines.push(k), onTick: (t) => ticks.push(t) });
    return { source, klines, ticks, closed: () => klines.filter((k) => k.closed) };
  }

  it('when played to the end, then the closed candles equal the file’s rows value for value', async () => {
    const { source, closed } = await play(600);
    await vi.advanceTimersByTimeAsync(rows.length * 100 + 50);
    expect(closed().map(({ openTime, open, high, low, close, volume }) => ({ openTime, open, high, low, close, volume }))).toEqual(rows);
    expect(closed().every((k) => k.symbol === 'BTCUSDT' && k.eventTime === k.openTime + 59_999)).toBe(true);
    expect(source.status().connected, 'finished').toBe(false);
    await source.close();
  });

  it('when REPLAY_SPEED is 600, then each real 100 ms plays one market minute', async () => {
    const { source, closed } = await play(600);
    await vi.advanceTimersByTimeAsync(450);
    expect(closed()).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(50);
    expect(closed()).toHaveLength(5);
    expect(source.status().connected).toBe(true);
    await source.close();
  });

  it('when REPLAY_SPEED is 60, then a market minute takes one real second', async () => {
    const { source, closed } = await play(60);
    await vi.advanceTimersByTimeAsync(2_900);
    expect(closed()).toHaveLength(2);
    await source.close();
  });

  it('when a candle plays, then its ticks stay inside its range, run open to close, and come before it closes', async () => {
    const { source, klines, ticks } = await play(600);
    await vi.advanceTimersByTimeAsync(30 * 100);
    for (const row of rows.slice(0, 30)) {
      const inside = ticks.filter((t) => t.eventTime >= row.openTime && t.eventTime < row.openTime + 60_000);
      expect(inside.length).toBeGreaterThanOrEqual(3);
      expect(inside[0]!.price).toBe(row.open);
      expect(inside.at(-1)!.price).toBe(row.close);
      for (const t of inside) {
        expect(Number(t.price)).toBeGreaterThanOrEqual(Number(row.low));
        expect(Number(t.price)).toBeLessThanOrEqual(Number(row.high));
      }
      const closeAt = klines.findIndex((k) => k.closed && k.openTime === row.openTime);
      const lastLive = klines.findLastIndex((k) => !k.closed && k.openTime === row.openTime);
      expect(lastLive).toBeLessThan(closeAt);
    }
    await source.close();
  });

  it('when history is requested, then backfill returns the file’s candles in the range, closed', async () => {
    const source = new ReplaySource({ files: [{ file }], speed: 600, logger: silent });
    const got = await source.backfill('BTCUSDT', rows[10]!.openTime, rows[20]!.openTime);
    expect(got.map((k) => k.close)).toEqual(rows.slice(10, 20).map((r) => r.close));
    expect(got.every((k) => k.closed)).toBe(true);
    expect(source.symbols.get('BTCUSDT')?.tickSize).toBe('0.01');
  });

  it('when the file name does not say the symbol, then construction refuses it', () => {
    expect(() => new ReplaySource({ files: [{ file: '/tmp/prices.csv' }], speed: 600, logger: silent })).toThrow(/cannot tell the symbol/);
  });
});

describe('candle CSV parsing', () => {
  it('when a row is malformed or out of order, then the error names the line', () => {
    expect(() => parseCandleCsv('open_time_ms,open,high,low,close,volume\n1,1,1,1,1,1\n0,1,1,1,1,1', 'x.csv')).toThrow(/line 3/);
    expect(() => parseCandleCsv('open_time_ms,open,high,low,close,volume\n1,1,abc,1,1,1', 'x.csv')).toThrow(/line 2/);
    expect(() => parseCandleCsv('time,open\n1,1', 'x.csv')).toThrow(/header/);
  });

  it('when extra columns follow, then they are ignored and values stay verbatim', () => {
    expect(parseCandleCsv('open_time_ms,open,high,low,close,volume,quote_volume,trades\n5,1.10,2,0.5,1.5,10.000,99,3', 'x.csv')).toEqual([
      { openTime: 5, open: '1.10', high: '2', low: '0.5', close: '1.5', volume: '10.000' },
    ]);
  });
});
