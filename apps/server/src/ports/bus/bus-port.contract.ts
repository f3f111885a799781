/**
 * The behaviour every BusPort must have. Run it from each implementation's test file:
 * `busPortContract('kafka', () => new KafkaBus(...))`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BusMessage, BusPort, ConsumeOptions, Subscription } from './bus-port.js';

/** Polls `check` until it returns true; fails with `what` after `timeoutMs`. */
export async function eventually(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Fences: published after the messages under test, under keys that between them hash to every
 * partition. A partition is handled in order, so once a group has handled a fence of every
 * partition, every earlier message (and any redelivery of one) has reached it: what it holds
 * then is final, with no pause guessed long enough to catch a duplicate.
 */
const FENCE_KEYS = Array.from({ length: 16 }, (_, i) => `fence-${i}`);
const isFence = (m: BusMessage) => FENCE_KEYS.includes(m.key);

export async function publishFences(bus: BusPort, topic: string): Promise<void> {
  await bus.publish(topic, FENCE_KEYS.map((key) => ({ key, value: key })));
}

/** Waits until each of `groups` (one group's handled messages, however many members) has a fence of each of the topic's `partitions`. */
export async function untilFenced(partitions: number, ...groups: Array<() => BusMessage[]>): Promise<void> {
  const fencedPartitions = (messages: BusMessage[]) => new Set(messages.filter(isFence).map((m) => m.partition)).size;
  await eventually(`every group handles the fence of each of ${partitions} partitions`, () => groups.every((group) => fencedPartitions(group()) === partitions));
}

/** The values under test, fences left out. */
export const ids = (messages: BusMessage[]) => messages.filter((m) => !isFence(m)).map((m) => m.value);
const series = (key: string, from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => ({ key, value: `${key}:${from + i}` }));

export function busPortContract(name: string, makeBus: () => BusPort | Promise<BusPort>): void {
  let bus: BusPort;
  let n = 0;
  const open: Subscription[] = [];
  /** A topic (and group) name no other test in this run uses. */
  const fresh = (what: string) => `contract.${what}.${++n}`;
  const subscribe = async (opts: Omit<ConsumeOptions, 'handler'>, into: BusMessage[], handler?: ConsumeOptions['handler']) => {
    const sub = await bus.consume({ ...opts, handler: handler ?? (async (batch) => void into.push(...batch)) });
    open.push(sub);
    return sub;
  };

  beforeAll(async () => {
    bus = await makeBus();
  });
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
    await bus?.close();
  });

  it(`${name}: when healthy, health() says ok with its impl`, async () => {
    expect(await bus.health()).toEqual({ impl: bus.impl, ok: true });
  });

  it(`${name}: when ensureTopics runs twice with the same topics, the second call is a no-op`, async () => {
    const topic = fresh('ensure');
    await bus.ensureTopics([{ name: topic, partitions: 2 }]);
    await bus.ensureTopics([{ name: topic, partitions: 2 }]);
    const got: BusMessage[] = [];
    await subscribe({ topics: [topic], groupId: fresh('g') }, got);
    await bus.publish(topic, series('BTCUSDT', 0, 3));
    await eventually('the 3 messages arrive', () => got.length >= 3);
    expect(ids(got), 'the topic works after the repeated ensureTopics').toEqual(['BTCUSDT:0', 'BTCUSDT:1', 'BTCUSDT:2']);
  });

  it(`${name}: when keys spread over partitions, each key's messages arrive in publish order on one partition`, async () => {
    const topic = fresh('order');
    await bus.ensureTopics([{ name: topic, partitions: 3 }]);
    const keys = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'BNBUSDT', 'XRPUSDT', 'ADAUSDT', 'DOGEUSDT', 'TRXUSDT'];
    const got: BusMessage[] = [];
    await subscribe({ topics: [topic], groupId: fresh('g') }, got);
    for (let round = 0; round < 4; round++) {
      await bus.publish(topic, keys.flatMap((k) => series(k, round * 5, round * 5 + 5)));
    }
    await eventually('all 160 messages arrive', () => got.length >= 160);
    for (const key of keys) {
      const mine = got.filter((m) => m.key === key);
      expect(ids(mine), `order of ${key}`).toEqual(series(key, 0, 20).map((m) => m.value));
      expect(new Set(mine.map((m) => m.partition)).size, `${key} stays on one partition`).toBe(1);
    }
    expect(new Set(got.map((m) => m.partition)).size, 'the keys use more than one partition').toBeGreaterThan(1);
    expect(new Set(got.map((m) => m.topic)), 'messages carry the logical topic name').toEqual(new Set([topic]));
  });

  it(`${name}: when two members share a group and another group listens, each group handles every message exactly once`, async () => {
    const topic = fresh('groups');
    const [shared, other] = [fresh('shared'), fresh('other')];
    await bus.ensureTopics([{ name: topic, partitions: 3 }]);
    const a1: BusMessage[] = [];
    const a2: BusMessage[] = [];
    const b: BusMessage[] = [];
    await subscribe({ topics: [topic], groupId: shared }, a1);
    await subscribe({ topics: [topic], groupId: shared }, a2);
    await subscribe({ topics: [topic], groupId: other }, b);
    const sent = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'BNBUSDT', 'XRPUSDT', 'ADAUSDT'].flatMap((k) => series(k, 0, 10));
    await bus.publish(topic, sent);
    await eventually('both groups have 60 messages', () => a1.length + a2.length >= 60 && b.length >= 60);
    await publishFences(bus, topic);
    await untilFenced(3, () => [...a1, ...a2], () => b);
    const expected = sent.map((m) => m.value).sort();
    expect(ids([...a1, ...a2]).sort(), 'the shared group handled each message once').toEqual(expected);
    expect(ids(b).sort(), 'the other group handled each message once').toEqual(expected);
  });

  it(`${name}: when the handler rejects once, the same messages come again and none is skipped`, async () => {
    const topic = fresh('retry');
    await bus.ensureTopics([{ name: topic, partitions: 1 }]);
    const handled: BusMessage[] = [];
    let attemptsOfFailing = 0;
    await subscribe({ topics: [topic], groupId: fresh('g') }, handled, async (batch) => {
      if (batch.some((m) => m.value === 'BTCUSDT:3') && ++attemptsOfFailing === 1) throw new Error('transient failure');
      handled.push(...batch);
    });
    await bus.publish(topic, series('BTCUSDT', 0, 4));
    await bus.publish(topic, series('BTCUSDT', 4, 8));
    await eventually('all 8 messages are handled', () => handled.length >= 8);
    await publishFences(bus, topic);
    await untilFenced(1, () => handled);
    expect(attemptsOfFailing, 'the rejected message was delivered again').toBe(2);
    expect(ids(handled), 'successful deliveries cover every message once, in order').toEqual(
      series('BTCUSDT', 0, 8).map((m) => m.value),
    );
  });

  it(`${name}: when a group's member is replaced, the new one resumes after the last commit`, async () => {
    const topic = fresh('resume');
    const group = fresh('g');
    await bus.ensureTopics([{ name: topic, partitions: 2 }]);
    const before: BusMessage[] = [];
    const first = await subscribe({ topics: [topic], groupId: group }, before);
    await bus.publish(topic, [...series('BTCUSDT', 0, 5), ...series('ETHUSDT', 0, 5)]);
    await eventually('the first member handles 10 messages', () => before.length >= 10);
    await first.close();
    await bus.publish(topic, [...series('BTCUSDT', 5, 10), ...series('ETHUSDT', 5, 10)]);
    const after: BusMessage[] = [];
    await subscribe({ topics: [topic], groupId: group }, after);
    await eventually('the second member handles 10 messages', () => after.length >= 10);
    await publishFences(bus, topic);
    await untilFenced(2, () => after);
    expect(ids(after).sort(), 'no loss and no duplicate across the restart').toEqual(
      [...series('BTCUSDT', 5, 10), ...series('ETHUSDT', 5, 10)].map((m) => m.value).sort(),
    );
  });

  it(`${name}: when fromBeginning is false a new group skips the backlog, by default it reads it`, async () => {
    const topic = fresh('start');
    await bus.ensureTopics([{ name: topic, partitions: 2 }]);
    await bus.publish(topic, series('BTCUSDT', 0, 3));
    const latest: BusMessage[] = [];
    const earliest: BusMessage[] = [];
    await subscribe({ topics: [topic], groupId: fresh('latest'), fromBeginning: false }, latest);
    await subscribe({ topics: [topic], groupId: fresh('earliest') }, earliest);
    await bus.publish(topic, series('BTCUSDT', 3, 6));
    await eventually('both groups see the new messages', () => latest.length >= 3 && earliest.length >= 6);
    await publishFences(bus, topic);
    await untilFenced(2, () => latest, () => earliest);
    expect(ids(latest), 'fromBeginning:false starts at the end').toEqual(['BTCUSDT:3', 'BTCUSDT:4', 'BTCUSDT:5']);
    expect(ids(earliest), 'the default starts at the beginning').toEqual(series('BTCUSDT', 0, 6).map((m) => m.value));
  });
}
