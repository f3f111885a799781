/** The batcher's queue, with a stand-in for the transaction so its timing is the test's. */
import { describe, expect, it } from 'vitest';
import type { PlaceOrderRequest } from '@cryptosim/contracts';
import { BTC_INFO } from '@cryptosim/trading-rules/testing';
import { parseOrderRequest } from '../domain/parse-order-request.js';
import { OrderBatcher } from './order-batcher.js';
import type { PlacedOrder, Placement, QueuedPlacement } from './placement.js';

const body: PlaceOrderRequest = { symbol: 'BTCUSDT', quantity: '0.1' };
const placement = (clientOrderId: string): Placement => ({
  userId: 1,
  side: 'BUY',
  body,
  info: BTC_INFO,
  intent: parseOrderRequest('BUY', body),
  clientOrderId,
  clientSent: true,
});
const answerFor = (p: QueuedPlacement): PlacedOrder => ({ created: true, order: { clientOrderId: p.clientOrderId } as PlacedOrder['order'], fills: [] });
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** A run that records each batch and finishes it when the test says so. */
function controlledRuns() {
  const batches: string[][] = [];
  const finish: Array<() => void> = [];
  const run = (batch: readonly QueuedPlacement[]) => {
    batches.push(batch.map((p) => p.clientOrderId));
    return new Promise<void>((resolve) => {
      finish.push(() => {
        for (const p of batch) p.resolve(answerFor(p));
        resolve();
      });
    });
  };
  return { batches, finish, run };
}

describe('OrderBatcher', () => {
  it('when the batcher is idle, then a lone placement starts at once, in a batch of its own', async () => {
    const runs = controlledRuns();
    const batcher = new OrderBatcher(runs.run, { maxInFlight: 2, maxBatch: 10 });
    const answer = batcher.place(placement('alone'));
    await turn();
    expect(runs.batches).toEqual([['alone']]);
    runs.finish[0]!();
    expect((await answer).order.clientOrderId).toBe('alone');
  });

  it('when placements arrive in one event-loop turn, then they travel in one batch, at most maxBatch each, in arrival order', async () => {
    const runs = controlledRuns();
    const batcher = new OrderBatcher(runs.run, { maxInFlight: 2, maxBatch: 3 });
    const answers = ['a', 'b', 'c', 'd', 'e'].map((id) => batcher.place(placement(id)));
    await turn();
    expect(runs.batches).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
    runs.finish.forEach((f) => f());
    expect((await Promise.all(answers)).map((a) => a.order.clientOrderId)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('when every slot is busy, then placements queue, and the first batch to finish makes room for all of them together', async () => {
    const runs = controlledRuns();
    const batcher = new OrderBatcher(runs.run, { maxInFlight: 1, maxBatch: 10 });
    void batcher.place(placement('first'));
    await turn();
    const later = ['x', 'y', 'z'].map((id) => batcher.place(placement(id)));
    await turn();
    await turn();
    expect(runs.batches, 'nothing starts while the only slot is taken').toEqual([['first']]);
    runs.finish[0]!();
    await turn();
    await turn();
    expect(runs.batches).toEqual([['first'], ['x', 'y', 'z']]);
    runs.finish[1]!();
    await Promise.all(later);
  });

  it('when a run rejects or forgets a placement, then its callers get an error instead of waiting forever', async () => {
    const failing = new OrderBatcher(async () => Promise.reject(new Error('database gone')), { maxInFlight: 1, maxBatch: 10 });
    await expect(failing.place(placement('a'))).rejects.toThrow('database gone');
    const forgetful = new OrderBatcher(
      async (batch) => {
        batch[0]!.resolve(answerFor(batch[0]!));
      },
      { maxInFlight: 1, maxBatch: 10 },
    );
    const [answered, forgotten] = [forgetful.place(placement('answered')), forgetful.place(placement('forgotten'))];
    expect((await answered).order.clientOrderId).toBe('answered');
    await expect(forgotten).rejects.toThrow(/without answering/);
  });

  it('when the limits are below 1, then the batcher refuses them', () => {
    expect(() => new OrderBatcher(async () => undefined, { maxInFlight: 0, maxBatch: 10 })).toThrow(/at least 1/);
  });
});
