import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { deleteTopicsWithPrefix, testTopicPrefix } from '../../testing/run-scope.js';
import { RUN_ID, service } from '../../testing/services.js';
import { busPortContract } from './bus-port.contract.js';
import { KafkaBus, type KafkaConsumerTuning } from './kafka-bus.js';

const kafka = await service('kafka');
const brokers = kafka.url?.split(',').map((b) => b.trim()) ?? [];
const prefix = testTopicPrefix('bus');
const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
/** Short timings so a rebalance or a redelivery takes well under a second. */
const fastConsumer: KafkaConsumerTuning = {
  sessionTimeoutMs: 6_000,
  heartbeatIntervalMs: 300,
  rebalanceTimeoutMs: 6_000,
  maxWaitTimeMs: 200,
  backoff: { initialMs: 50, maxMs: 500 },
};

describe.skipIf(!kafka.url)('KafkaBus meets the bus port contract', () => {
  afterAll(async () => {
    // Leave nothing of this run on the shared broker.
    await deleteTopicsWithPrefix(kafka.url!, prefix);
  });

  busPortContract('kafka', () => new KafkaBus({ brokers, topicPrefix: prefix, clientId: `test-${RUN_ID}`, logger, consumer: fastConsumer }));
});

describe('KafkaBus without a broker', () => {
  it('when nothing listens on the broker address, health reports not ok instead of throwing', async () => {
    // Port 1 on loopback: refused at once, so this needs no real broker.
    const bus = new KafkaBus({ brokers: ['127.0.0.1:1'], topicPrefix: prefix, clientId: 'down', logger, healthTimeoutMs: 3_000 });
    const health = await bus.health();
    expect(health.ok, 'health of an unreachable broker').toBe(false);
    expect(health.impl).toBe('kafka');
    expect(health.error, 'the reason names the broker').toMatch(/127\.0\.0\.1:1/);
    await bus.close();
  });

  it('when the broker is unreachable at start, consume returns and keeps retrying without crashing', async () => {
    // Each failed attempt logs the reconnect it schedules: counting them shows the retries.
    const retries: number[] = [];
    const counting = pino({ level: 'warn' }, { write: (line: string) => void (line.includes('kafka consumer lost; reconnecting') && retries.push((JSON.parse(line) as { delayMs: number }).delayMs)) });
    const bus = new KafkaBus({
      brokers: ['127.0.0.1:1'],
      topicPrefix: prefix,
      clientId: 'down',
      logger: counting,
      consumer: { backoff: { initialMs: 20, maxMs: 100 } },
    });
    const sub = await bus.consume({ topics: ['t'], groupId: 'g', handler: async () => {} });
    const deadline = Date.now() + 10_000;
    while (retries.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(retries.length, 'reconnect attempts after the first failure').toBeGreaterThanOrEqual(3);
    expect(retries.every((ms) => ms <= 100), `backoff stays within its cap: ${retries.join(', ')} ms`).toBe(true);
    expect((await bus.health()).ok, 'still not ok, still answering').toBe(false);
    await sub.close();
    await bus.close();
  });
});
