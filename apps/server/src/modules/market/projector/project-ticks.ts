/**
 * market.ticks → the latest ticker hash per symbol and one `ticker` frame per tick on
 * `prices.<SYMBOL>`. Within a batch only the newest tick of a symbol is written to the hash,
 * but every tick is published, so WS clients see each update in order.
 */
import { Decimal } from 'decimal.js';
import type { Logger } from 'pino';
import type { PriceRow, TickEventV1 } from '@cryptosim/contracts';
import type { BusMessage } from '../../../ports/bus/bus-port.js';
import type { CachePort } from '../../../ports/cache/cache-port.js';
import { encodeTickerFrame, priceChannel, STATUS_KEY, tickerKey } from './cache-layout.js';
import { isOutage } from '../../../kernel/outage.js';
import { parseTick } from './parse-event.js';
import { PublishedOffsets } from './published-offsets.js';

export function changePercent(price: string, open: string): string {
  const o = new Decimal(open);
  if (o.isZero()) return '0';
  return new Decimal(price).minus(o).div(o).times(100).toDecimalPlaces(2).toFixed();
}

export function priceRowOf(tick: TickEventV1): PriceRow {
  return {
    symbol: tick.symbol,
    price: tick.price,
    open24h: tick.open24h,
    high24h: tick.high24h,
    low24h: tick.low24h,
    volume24h: tick.volume24h,
    changePercent24h: changePercent(tick.price, tick.open24h),
    updatedAt: tick.eventTime,
    stale: false,
  };
}

/** `world()` names the feed of the database's market world; ticks of another feed are skipped. */
export function createTickProjector(cache: CachePort, logger: Logger, world: () => string | undefined = () => undefined): (messages: BusMessage[]) => Promise<void> {
  const published = new PublishedOffsets();
  let outage = false;
  return async (messages) => {
    const latest = new Map<string, { row: PriceRow; source: string }>();
    const frames: Array<[string, string]> = [];
    for (const message of messages) {
      const parsed = parseTick(message.value);
      if (!parsed.ok) {
        logger.warn({ topic: message.topic, offset: String(message.offset), reason: parsed.reason }, 'skipping malformed tick');
        continue;
      }
      const expected = world();
      if (expected !== undefined && parsed.event.source !== expected) continue;
      const row = priceRowOf(parsed.event);
      latest.set(row.symbol, { row, source: parsed.event.source });
      if (published.isNew(message)) frames.push([priceChannel(row.symbol), encodeTickerFrame(row)]);
    }
    if (latest.size === 0) return;
    const writes = [...latest.values()].map(({ row, source }) => {
      const { stale: _stale, ...fields } = row;
      return cache.hset(tickerKey(row.symbol), { ...fields, updatedAt: String(row.updatedAt), source });
    });
    const last = [...latest.values()].at(-1)!;
    // lastEventAt is this process's clock: a replayed feed carries historical event times.
    // marketTime is the feed's own clock: a replay's is the file's.
    writes.push(cache.hset(STATUS_KEY, { source: last.source, lastEventAt: String(Date.now()), marketTime: String(last.row.updatedAt) }));
    try {
      await Promise.all(writes);
      // Issued together on one connection, so each symbol's frames keep their order.
      await Promise.all(frames.map(([channel, frame]) => cache.publish(channel, frame)));
    } catch (err) {
      if (!isOutage(err)) throw err;
      // A ticker is a level: a batch lost to a cache outage is skipped, not redelivered after
      // a growing backoff, so the first tick after the cache returns restores the price.
      if (!outage) logger.warn({ err: (err as Error).message }, 'cache unavailable; skipping ticks until it returns');
      outage = true;
      return;
    }
    if (outage) logger.info('cache back; ticks projected again');
    outage = false;
    published.markPublished(messages);
  };
}
