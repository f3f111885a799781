/**
 * The broker goes away and comes back: the bus must report it, never crash the process,
 * and resume consuming by itself after the last commit. Runs its own broker (infra/kafka)
 * on free ports so the shared one is never disturbed; enabled with the other Kafka suites.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { freePort } from '../../testing/redis-process.js';
import { RUN_ID, service } from '../../testing/services.js';
import { eventually, ids, publishFences, untilFenced } from './bus-port.contract.js';
import type { BusMessage } from './bus-port.js';
import { KafkaBus } from './kafka-bus.js';

const run = promisify(execFile);
const script = path.resolve(import.meta.dirname, '../../../../../infra/kafka/kafka.sh');
const kafka = await service('kafka');

describe.skipIf(!kafka.url)('KafkaBus through a broker outage', () => {
  const crashes: unknown[] = [];
  const record = (err: unknown) => crashes.push(err);
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const broker = async (command: 'up' | 'down') => run('bash', [script, command], { env, timeout: 300_000 });

  beforeAll(async () => {
    process.on('unhandledRejection', record);
    process.on('uncaughtException', record);
    dir = await mkdtemp(path.join(tmpdir(), 'kafka-outage-'));
    const [port, controllerPort] = [await freePort(), await freePort()];
    env = {
      ...process.env,
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: String(controllerPort),
      KAFKA_DATA_DIR: path.join(dir, 'data'),
      KAFKA_RUN_DIR: path.join(dir, 'run'),
      // C1 only: this broker lives for seconds, so start-up time matters more than peak speed.
      KAFKA_JVM_OPTS: '-XX:+UseG1GC -XX:TieredStopAtLevel=1',
    };
    await broker('up');
  }, 300_000);

  afterAll(async () => {
    process.off('unhandledRejection', record);
    process.off('uncaughtException', record);
    await broker('down').catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('when the broker stops and restarts, health follows it and consumption resumes without loss or duplicate', async () => {
    const bus = new KafkaBus({
      brokers: [`127.0.0.1:${env.KAFKA_PORT}`],
      topicPrefix: `outage-${RUN_ID}.`,
      clientId: 'outage',
      logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
      consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 300, rebalanceTimeoutMs: 6_000, maxWaitTimeMs: 200, backoff: { initialMs: 100, maxMs: 1_000 } },
    });
    try {
      await bus.ensureTopics([{ name: 'ticks', partitions: 2 }]);
      const got: BusMessage[] = [];
      await bus.consume({ topics: ['ticks'], groupId: 'projector', handler: async (batch) => void got.push(...batch) });
      await bus.publish('ticks', [{ key: 'BTCUSDT', value: 'before' }]);
      await eventually('the message published before the outage arrives', () => got.length === 1);

      await broker('down');
      const down = await bus.health();
      expect(down.ok, 'health while the broker is down').toBe(false);
      expect(down.error, 'the reason names the broker').toContain(String(env.KAFKA_PORT));

      await broker('up');
      await eventuallyAsync('health is ok again', async () => (await bus.health()).ok);
      await bus.publish('ticks', [{ key: 'BTCUSDT', value: 'after' }]);
      await eventually('the message published after the outage arrives', () => got.length >= 2, 60_000);
      await publishFences(bus, 'ticks');
      await untilFenced(2, () => got);
      expect(ids(got), 'each message handled once across the outage').toEqual(['before', 'after']);
      expect(crashes, 'nothing went unhandled during the outage').toEqual([]);
    } finally {
      await bus.close();
    }
  }, 180_000);
});

async function eventuallyAsync(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
