import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { busPortContract, eventually } from './bus-port.contract.js';
import type { BusMessage } from './bus-port.js';
import { MemoryBus } from './memory-bus.js';
import { partitionForKey } from './memory-log.js';

const logger = pino({ level: 'silent' });
const makeBus = (retainedPerPartition?: number) =>
  new MemoryBus({ logger, backoff: { initialMs: 10, maxMs: 100 }, retainedPerPartition });

describe('MemoryBus meets the bus port contract', () => {
  busPortContract('memory', () => makeBus());
});

describe('MemoryBus specifics', () => {
  it('when a key is hashed, it always maps to the same partition within range', () => {
    for (const key of ['BTCUSDT', 'ETHUSDT', '', 'x'.repeat(1000)]) {
      const p = partitionForKey(key, 7);
      expect(p, `partition of "${key.slice(0, 10)}"`).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(7);
      expect(partitionForKey(key, 7), 'hashing is deterministic').toBe(p);
    }
  });

  it('when a topic was never ensured, publish and consume reject with a clear error', async () => {
    const bus = makeBus();
    await expect(bus.publish('nope', [{ key: 'k', value: 'v' }])).rejects.toThrow(/unknown topic nope/);
    await expect(bus.consume({ topics: ['nope'], groupId: 'g', handler: async () => {} })).rejects.toThrow(/unknown topic/);
    await expect(bus.ensureTopics([{ name: 'bad', partitions: 0 }])).rejects.toThrow(/positive integer/);
    await bus.close();
  });

  it('when every group has consumed a message, the log drops it', async () => {
    const bus = makeBus();
    await bus.ensureTopics([{ name: 't', partitions: 1 }]);
    const got: BusMessage[] = [];
    await bus.consume({ topics: ['t'], groupId: 'g', handler: async (batch) => void got.push(...batch) });
    await bus.publish('t', [{ key: 'k', value: '1' }, { key: 'k', value: '2' }]);
    await eventually('both messages are handled', () => got.length === 2);
    const late: BusMessage[] = [];
    await bus.consume({ topics: ['t'], groupId: 'late', handler: async (batch) => void late.push(...batch) });
    await bus.publish('t', [{ key: 'k', value: '3' }]);
    await eventually('both groups see message 3', () => got.length === 3 && late.length === 1);
    expect(late.map((m) => m.value), 'a group joining later starts at what is retained').toEqual(['3']);
    expect(late[0]!.offset, 'offsets keep counting across trims').toBe(2n);
    await bus.close();
  });

  it('when more than the retention is unconsumed, the oldest messages are dropped', async () => {
    const bus = makeBus(3);
    await bus.ensureTopics([{ name: 't', partitions: 1 }]);
    await bus.publish('t', ['1', '2', '3', '4', '5'].map((value) => ({ key: 'k', value })));
    const got: BusMessage[] = [];
    await bus.consume({ topics: ['t'], groupId: 'g', handler: async (batch) => void got.push(...batch) });
    await eventually('the retained messages arrive', () => got.length === 3);
    expect(got.map((m) => m.value)).toEqual(['3', '4', '5']);
    await bus.close();
  });

  it('when the bus is closed, health says so and publish rejects', async () => {
    const bus = makeBus();
    await bus.close();
    expect(await bus.health()).toEqual({ impl: 'memory', ok: false, error: 'closed' });
    await expect(bus.publish('t', [])).rejects.toThrow(/closed/);
  });
});
