import { MarketTopics } from '@cryptosim/contracts';
import type { EntryPoint } from '../../../kernel/module.js';
import { retryWithBackoff } from '../../../kernel/retry-with-backoff.js';
import { findCandles } from '../repository.js';
import { CheckpointSaver } from '../world/checkpoint-saver.js';
import { MarketPublisher } from './market-publisher.js';

/** Kafka parallelism for the market topics: the projector group can spread over 3 members. */
export const MARKET_TOPIC_PARTITIONS = 3;
const FINAL_FLUSH_MS = 2_000;

/**
 * The ingest role: runs the market source and publishes its events to market.ticks and
 * market.klines. A bus that is down (or topics not created yet) is retried in the
 * background while events buffer; start-up never waits for Kafka. When the database's world
 * has a checkpoint the source continues from it, and the checkpoint follows each closed minute.
 */
export const ingestEntryPoint: EntryPoint = {
  name: 'market-ingest',
  async start({ ports, logger, signal }) {
    const log = logger.child({ component: 'market-ingest' });
    const topics = retryWithBackoff(
      () => ports.bus.ensureTopics(Object.values(MarketTopics).map((name) => ({ name, partitions: MARKET_TOPIC_PARTITIONS }))),
      {
        signal,
        baseMs: 500,
        maxMs: 30_000,
        onRetry: (e, attempt, delayMs) =>
          log.warn(`cannot create market topics yet: ${e instanceof Error ? e.message : String(e)}; retry ${attempt} in ${delayMs} ms`),
      },
    ).catch(() => undefined);
    const publisher = new MarketPublisher({ bus: ports.bus, source: () => ports.market.impl, logger: log, ready: topics });
    const settled = ports.market.world;
    if (settled?.checkpoint && ports.market.resume) {
      await ports.market.resume(settled.checkpoint, (symbol, endMs, limit) => findCandles(ports.db.db, symbol, '1m', { endTime: endMs, limit }));
      log.info({ world: settled.world.kind, after: new Date(settled.checkpoint.minute).toISOString() }, 'market feed continues where it stopped');
    }
    const saver = settled ? new CheckpointSaver(ports.db, ports.market, log) : undefined;
    const listener = saver
      ? {
          onTick: (t: Parameters<MarketPublisher['onTick']>[0]) => publisher.onTick(t),
          onKline: (k: Parameters<MarketPublisher['onKline']>[0]) => {
            publisher.onKline(k);
            if (k.closed) saver.poke();
          },
        }
      : publisher;
    await ports.market.start(listener);
    log.info({ source: ports.market.impl, symbols: ports.market.symbols.list().length }, 'market ingest running');
    return {
      async stop() {
        await ports.market.close();
        await saver?.stop();
        await publisher.close();
        await topics;
        // Closed candles still buffered get one bounded chance to go out before exit.
        await Promise.race([publisher.flush(), new Promise((r) => setTimeout(r, FINAL_FLUSH_MS).unref())]);
      },
    };
  },
};
