/**
 * The whole pipeline from the bus on, against each run mode: a month of real BTCUSDT 1m
 * candles is published on market.klines, the projector stores and rolls them up, it is
 * crashed mid-stream (after a database write, before its offsets are committed) and
 * restarted, and the database must then equal the file: no gap, no duplicate, no drift.
 */
import { sql } from 'drizzle-orm';
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketStart, MarketTopics, type Interval, type KlineEventV1 } from '@cryptosim/contracts';
import { service } from '../../../testing/services.js';
import type { CachePort } from '../../../ports/cache/cache-port.js';
import { marketDataFile } from '../sources/testing/market-data-dir.js';
import { readCandleCsv, type CsvCandle } from '../sources/replay/read-candle-csv.js';
import { ROLLUP_INTERVALS } from '../repository.js';
import { klineFromHash, liveKlineKey } from './cache-layout.js';
import { embeddedStack, klineEvents, servicesStack, testLogger, type TestStack } from './testing/market-test-stack.js';
import { startProjector } from './start-projector.js';

const SYMBOL = 'BTCUSDT';
const minuteFile = marketDataFile('1m-2026-03-24_2026-04-21/BTCUSDT-1m.csv');
const hourFile = marketDataFile('BTCUSDT-1h.csv');
const noData = minuteFile.skipReason ?? hourFile.skipReason;
const minutes = noData ? [] : await readCandleCsv(minuteFile.file);
const hours = noData ? [] : await readCandleCsv(hourFile.file);

const [pg, redis, kafka] = await Promise.all([service('postgres'), service('redis'), service('kafka')]);

type Row = CsvCandle;
const FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const;

/** The file's own aggregation: first open, max high, min low, last close, summed volume. */
function aggregate(candles: Row[], interval: Interval): Map<number, Row> {
  const out = new Map<number, Row>();
  for (const c of candles) {
    // Weeks open on Mondays, every other interval at a multiple of its length.
    const bucket = bucketStart(c.openTime, interval);
    const b = out.get(bucket);
    if (!b) out.set(bucket, { ...c, openTime: bucket });
    else {
      b.high = Decimal.max(b.high, c.high).toFixed();
      b.low = Decimal.min(b.low, c.low).toFixed();
      b.close = c.close;
      b.volume = new Decimal(b.volume).plus(c.volume).toFixed();
    }
  }
  return out;
}

async function stored(stack: TestStack, interval: Interval): Promise<Row[]> {
  const result = await stack.ports.db.db.execute(sql`select open_time, open::text, high::text, low::text, close::text, volume::text
    from candles where symbol = ${SYMBOL} and interval = ${interval} order by open_time`);
  return (result as unknown as { rows: Array<Record<string, string>> }).rows.map((r) => ({
    openTime: Number(r.open_time),
    open: r.open!,
    high: r.high!,
    low: r.low!,
    close: r.close!,
    volume: r.volume!,
  }));
}

/** Every difference between expected and stored rows, as readable lines (empty = equal). */
function differences(expected: Row[], actual: Row[]): string[] {
  const byTime = new Map(actual.map((r) => [r.openTime, r]));
  const diffs: string[] = [];
  for (const e of expected) {
    const a = byTime.get(e.openTime);
    if (!a) diffs.push(`${e.openTime}: missing`);
    else for (const f of FIELDS) if (!new Decimal(a[f]).eq(e[f])) diffs.push(`${e.openTime} ${f}: stored ${a[f]}, expected ${e[f]}`);
    byTime.delete(e.openTime);
  }
  for (const extra of byTime.keys()) diffs.push(`${extra}: stored but not expected`);
  return diffs;
}

async function count1m(stack: TestStack): Promise<number> {
  const result = await stack.ports.db.db.execute(sql`select count(*)::int as n from candles where symbol = ${SYMBOL} and interval = '1m'`);
  return Number((result as unknown as { rows: Array<{ n: number }> }).rows[0]!.n);
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A cache whose `crashAt`-th hset throws: the projector dies after that batch's database write. */
function crashable(cache: CachePort, crashAt: number): { cache: CachePort; crashed(): boolean } {
  let calls = 0;
  const proxy = new Proxy(cache, {
    get(target, prop, receiver) {
      if (prop === 'hset' && ++calls === crashAt) {
        return async () => {
          throw new Error('projector crashed (test)');
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { cache: proxy, crashed: () => calls >= crashAt };
}

async function publish(stack: TestStack, events: KlineEventV1[]): Promise<void> {
  for (let i = 0; i < events.length; i += 2_000) {
    const chunk = events.slice(i, i + 2_000).map((e) => ({ key: e.symbol, value: JSON.stringify(e) }));
    await stack.ports.bus.publish(MarketTopics.klines, chunk);
  }
}

function pipelineSuite(mode: string, makeStack: () => Promise<TestStack>) {
  describe(`market pipeline (${mode})`, () => {
    let stack: TestStack;
    beforeAll(async () => {
      stack = await makeStack();
    }, 120_000);
    afterAll(async () => stack?.close());

    it('when a real month of 1m candles is replayed and the projector crashes mid-stream and restarts, then the stored 1m candles equal the file value for value', async () => {
      const events = klineEvents(SYMBOL, minutes);
      const half = Math.floor(events.length / 2);
      // One hset per batch here (one symbol, no ticks): the 10th batch dies after its write.
      const crash = crashable(stack.ports.cache, 10);
      let projector = await startProjector({ ...stack.ports, cache: crash.cache }, testLogger);

      await publish(stack, events.slice(0, half));
      await waitFor('the projector crashed after a database write', () => crash.crashed());
      await projector.stop();
      const storedAtCrash = await count1m(stack);

      await publish(stack, events.slice(half));
      projector = await startProjector(stack.ports, testLogger);
      try {
        await waitFor(`all ${minutes.length} minutes are stored`, async () => (await count1m(stack)) >= minutes.length);
      } finally {
        await projector.stop();
      }
      expect(storedAtCrash, 'the crash happened mid-stream').toBeLessThan(minutes.length);
      const diffs = differences(minutes, await stored(stack, '1m'));
      expect(diffs.slice(0, 10), `${diffs.length} differences between the file and candles(1m)`).toEqual([]);

      const live = klineFromHash(await stack.ports.cache.hgetall(liveKlineKey(SYMBOL)));
      expect(live, 'the live candle is the last event').toMatchObject({ openTime: minutes.at(-1)!.openTime, closed: true });
    }, 300_000);

    it('when the month is stored, then every roll-up equals the file’s own aggregation and Binance’s 1h candles', async () => {
      for (const interval of ROLLUP_INTERVALS) {
        const expected = [...aggregate(minutes, interval).values()];
        const diffs = differences(expected, await stored(stack, interval));
        expect(diffs.slice(0, 10), `${diffs.length} differences in candles(${interval})`).toEqual([]);
      }
      const first = minutes[0]!.openTime;
      const last = minutes.at(-1)!.openTime;
      const binanceHours = hours.filter((h) => h.openTime >= first && h.openTime <= last);
      expect(binanceHours.length, 'the 1h file overlaps the 1m month').toBeGreaterThan(600);
      const diffs = differences(binanceHours, await stored(stack, '1h'));
      expect(diffs.slice(0, 10), `${diffs.length} differences from BTCUSDT-1h.csv`).toEqual([]);
    });
  });
}

describe.skipIf(noData)('market pipeline with real data', () => {
  pipelineSuite('embedded: memory bus and cache, PGlite', embeddedStack);
  describe.skipIf(!pg.url || !redis.url || !kafka.url)('services', () => {
    pipelineSuite('services: Kafka, Redis, PostgreSQL', () =>
      servicesStack({ postgres: pg.url!, redis: redis.url!, kafka: kafka.url! }),
    );
  });
});
