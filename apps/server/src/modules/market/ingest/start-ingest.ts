import { MarketTopics } from '@cryptosim/contracts';
import type { EntryPoint } from '../../../kernel/module.js';
import { retryWithBackoff } from '../../../kernel/retry-with-backoff.js';
import { MarketPublisher } from './market-publisher.js';

/** Kafka parallelism for the market topics: the projector group can spread over 3 members. */
export const MARKET_TOPIC_PARTITIONS = 3;
const FINAL_FLUSH_MS = 2_000;

/**
 * The ingest role: runs the market source and publishes its events to market.ticks and
 * market.klines. A bus that is down (or topics not created yet) is retried in the
 * background while events buffer; start-up never waits for Kafka.
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
    await ports.market.start(publisher);
    log.info({ source: ports.market.impl, symbols: ports.market.symbols.list().length }, 'market ingest running');
    return {
      async stop() {
        await ports.market.close();
        await publisher.close();
        await topics;
        // Closed candles still buffered get one bounded chance to go out before exit.
        await Promise.race([publisher.flush(), new Promise((r) => setTimeout(r, FINAL_FLUSH_MS).unref())]);
      },
    };
  },
};
