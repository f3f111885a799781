/**
 * market.klines → closed 1m candles and their roll-ups in the database (one transaction per
 * batch), the live 1m candle in the cache, and a `kline` frame per update on `prices.<SYMBOL>`.
 * The database write comes first: the bus commits the batch only after this resolves, so a
 * crash anywhere before leaves the batch to be delivered again, and every write is idempotent.
 */
import type { Logger } from 'pino';
import type { KlineData, KlineEventV1 } from '@cryptosim/contracts';
import type { BusMessage } from '../../../ports/bus/bus-port.js';
import type { CachePort } from '../../../ports/cache/cache-port.js';
import type { DbPort } from '../../../ports/db/db-port.js';
import { rollUp, upsertMinutes, type MinuteCandle, type MinuteSpan } from '../repository.js';
import { encodeKlineFrame, klineFromHash, klineToHash, liveKlineKey, priceChannel } from './cache-layout.js';
import { parseKline } from './parse-event.js';
import { PublishedOffsets } from './published-offsets.js';

const klineData = (e: KlineEventV1): KlineData => ({
  symbol: e.symbol,
  interval: '1m',
  openTime: e.openTime,
  open: e.open,
  high: e.high,
  low: e.low,
  close: e.close,
  volume: e.volume,
  closed: e.closed,
});

/** Closed minutes of a batch, one per (symbol, openTime), and the spans their roll-ups cover. */
export function closedMinutes(events: KlineEventV1[]): { rows: MinuteCandle[]; spans: MinuteSpan[] } {
  const rows = new Map<string, MinuteCandle>();
  const spans = new Map<string, MinuteSpan>();
  for (const e of events) {
    if (!e.closed) continue;
    const { symbol, openTime, open, high, low, close, volume } = e;
    rows.set(`${symbol}/${openTime}`, { symbol, openTime, open, high, low, close, volume });
    const span = spans.get(symbol);
    if (!span) spans.set(symbol, { symbol, from: openTime, to: openTime });
    else {
      span.from = Math.min(span.from, openTime);
      span.to = Math.max(span.to, openTime);
    }
  }
  return { rows: [...rows.values()], spans: [...spans.values()] };
}

/**
 * `world()` names the feed of the database's market world: an event from another feed (a
 * topic left over from another database) is skipped, never stored as this world's candle.
 */
export function createKlineProjector(db: DbPort, cache: CachePort, logger: Logger, world: () => string | undefined = () => undefined): (messages: BusMessage[]) => Promise<void> {
  const published = new PublishedOffsets();
  /** Open time of the newest candle shown live per symbol; seeded from the cache on first sight. */
  const liveOpenTime = new Map<string, number>();

  async function knownLive(symbol: string): Promise<number> {
    let time = liveOpenTime.get(symbol);
    if (time === undefined) {
      time = klineFromHash(await cache.hgetall(liveKlineKey(symbol)))?.openTime ?? 0;
      liveOpenTime.set(symbol, time);
    }
    return time;
  }

  return async (messages) => {
    const events: Array<{ event: KlineEventV1; message: BusMessage }> = [];
    for (const message of messages) {
      const parsed = parseKline(message.value);
      const expected = world();
      if (parsed.ok && expected !== undefined && parsed.event.source !== expected) {
        logger.warn({ topic: message.topic, offset: String(message.offset), source: parsed.event.source, world: expected }, 'skipping a kline of another market world');
      } else if (parsed.ok) events.push({ event: parsed.event, message });
      else logger.warn({ topic: message.topic, offset: String(message.offset), reason: parsed.reason }, 'skipping malformed kline');
    }
    const { rows, spans } = closedMinutes(events.map((e) => e.event));
    if (rows.length > 0) {
      await db.db.transaction(async (tx) => {
        await upsertMinutes(tx, rows);
        await rollUp(tx, spans);
      });
    }

    // Ingest re-sends older closed minutes after a reconnect (gap backfill): they belong in
    // the database, but showing them live would move a chart backwards.
    const live = new Map<string, KlineData>();
    const frames: Array<[string, string]> = [];
    for (const { event, message } of events) {
      if (event.openTime < (await knownLive(event.symbol))) continue;
      liveOpenTime.set(event.symbol, event.openTime);
      const data = klineData(event);
      live.set(event.symbol, data);
      if (published.isNew(message)) frames.push([priceChannel(event.symbol), encodeKlineFrame(data)]);
    }
    await Promise.all([...live.values()].map((k) => cache.hset(liveKlineKey(k.symbol), klineToHash(k))));
    await Promise.all(frames.map(([channel, frame]) => cache.publish(channel, frame)));
    published.markPublished(messages);
  };
}
