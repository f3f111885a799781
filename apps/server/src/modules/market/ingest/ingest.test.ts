import { KlineEventV1, MarketTopics, TickEventV1 } from '@cryptosim/contracts';
import { pino } from 'pino';
import { Compile } from 'typebox/compile';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ports } from '../../../kernel/ports.js';
import type { BusMessage, BusPort, OutgoingMessage } from '../../../ports/bus/bus-port.js';
import { MemoryBus } from '../../../ports/bus/memory-bus.js';
import type { SourceKline } from '../../../ports/market/market-source.js';
import { SimulatorSource } from '../sources/simulator/simulator-source.js';
import { MarketSymbols } from '../symbols/symbol-registry.js';
import { MarketPublisher } from './market-publisher.js';
import { ingestEntryPoint } from './start-ingest.js';

const logger = pino({ level: 'silent' });
const checkTick = Compile(TickEventV1);
const checkKline = Compile(KlineEventV1);

async function until(what: string, cond: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A memory bus whose publish fails while `down` is set, like Kafka during an outage. */
class FlakyBus extends MemoryBus {
  down = false;
  /** Publishes refused while down: the publisher's retries, counted. */
  refused = 0;
  override async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (this.down) {
      this.refused += 1;
      throw new Error('broker not available');
    }
    return super.publish(topic, messages);
  }
}

async function collect(bus: BusPort, topic: string): Promise<BusMessage[]> {
  const got: BusMessage[] = [];
  await bus.consume({ topics: [topic], groupId: `test-${topic}`, handler: async (batch) => void got.push(...batch) });
  return got;
}

const kline = (minute: number, closed: boolean): SourceKline => ({
  symbol: 'BTCUSDT', openTime: minute * 60_000, open: '1.00', high: '1.00', low: '1.00', close: '1.00', volume: '1', closed, eventTime: minute * 60_000,
});

describe('market ingest', () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('when the ingest role runs the simulator, then versioned ticks and klines reach both topics keyed by symbol, with consecutive seq', async () => {
    const bus = new MemoryBus({ logger });
    const market = new SimulatorSource({ symbols: new MarketSymbols(['BTCUSDT', 'ETHUSDT']), seed: 'ingest' });
    cleanup.push(() => bus.close(), () => market.close());
    const ensured: unknown[] = [];
    const ensure = bus.ensureTopics.bind(bus);
    bus.ensureTopics = async (topics) => (ensured.push(...topics), ensure(topics));
    const ports = { bus, market } as unknown as Ports;
    const controller = new AbortController();
    const running = await ingestEntryPoint.start({ ports, logger, signal: controller.signal } as never);
    cleanup.push(() => running.stop());
    const ticks = await collect(bus, MarketTopics.ticks);
    const klines = await collect(bus, MarketTopics.klines);
    await until('a few ticks of each symbol', () => ticks.filter((m) => m.key === 'ETHUSDT').length >= 3 && klines.length >= 6);

    const btcTicks = ticks.filter((m) => m.key === 'BTCUSDT').map((m) => JSON.parse(m.value));
    for (const t of btcTicks) expect(checkTick.Check(t), JSON.stringify(t)).toBe(true);
    expect(btcTicks.every((t) => t.symbol === 'BTCUSDT' && t.source === 'simulator')).toBe(true);
    expect(btcTicks.map((t) => t.seq - btcTicks[0].seq)).toEqual(btcTicks.map((_, i) => i));
    for (const m of klines) expect(checkKline.Check(JSON.parse(m.value)), m.value).toBe(true);
    expect(new Set(ticks.filter((m) => m.key === 'BTCUSDT').map((m) => m.partition)).size, 'one symbol stays on one partition').toBe(1);
    expect(ensured).toEqual([
      { name: 'market.ticks', partitions: 3 },
      { name: 'market.klines', partitions: 3 },
    ]);
  });

  it('when the bus rejects, then ticks are bounded (oldest dropped), closed candles all kept, and everything pending goes out in order once it is back', async () => {
    const bus = new FlakyBus({ logger });
    cleanup.push(() => bus.close());
    await bus.ensureTopics(Object.values(MarketTopics).map((name) => ({ name, partitions: 3 })));
    const publisher = new MarketPublisher({ bus, source: () => 'simulator', logger, maxBuffered: 5, retryBaseMs: 5, retryMaxMs: 20 });
    cleanup.push(() => publisher.close());
    bus.down = true;
    for (let i = 0; i < 20; i++) {
      publisher.onTick({ symbol: 'BTCUSDT', price: String(100 + i), open24h: '1', high24h: '200', low24h: '1', volume24h: '5', eventTime: i });
      publisher.onKline(kline(i, false));
      if (i % 4 === 3) publisher.onKline(kline(i, true));
    }
    // Held through several failed retries, not just before the first attempt.
    await until('three refused publishes', () => bus.refused >= 3);
    expect(publisher.ticks.size, 'ticks held within the bound').toBe(5);
    expect(publisher.klines.size, '5 live updates + all 5 closed candles').toBe(10);
    expect(publisher.ticks.dropped).toBe(15);

    const ticks = await collect(bus, MarketTopics.ticks);
    const klines = await collect(bus, MarketTopics.klines);
    bus.down = false;
    await until('the buffer drains', () => ticks.length === 5 && klines.length === 10);
    expect(ticks.map((m) => JSON.parse(m.value).price), 'the newest ticks survive').toEqual(['115', '116', '117', '118', '119']);
    const closed = klines.map((m) => JSON.parse(m.value)).filter((k) => k.closed);
    expect(closed.map((k) => k.openTime / 60_000)).toEqual([3, 7, 11, 15, 19]);
    const seqs = klines.map((m) => JSON.parse(m.value).seq);
    expect([...seqs].sort((a, b) => a - b), 'published in emission order').toEqual(seqs);
  });

  it('when the bus never comes back, then onTick/onKline keep returning and memory stays bounded', async () => {
    const bus = new FlakyBus({ logger });
    cleanup.push(() => bus.close());
    bus.down = true;
    const publisher = new MarketPublisher({ bus, source: () => 'binance', logger, maxBuffered: 100, retryBaseMs: 1, retryMaxMs: 5 });
    cleanup.push(() => publisher.close());
    for (let i = 0; i < 5_000; i++) {
      publisher.onTick({ symbol: 'ETHUSDT', price: '1', open24h: '1', high24h: '1', low24h: '1', volume24h: '1', eventTime: i });
      publisher.onKline(kline(i, false));
    }
    await until('three refused publishes', () => bus.refused >= 3);
    expect(publisher.ticks.size + publisher.klines.size).toBe(200);
  });
});
