/** The in-memory index: which ticks fire which alerts, once each. */
import { describe, expect, it } from 'vitest';
import { AlertIndex, type IndexedAlert } from './alert-index.js';

let next = 0;
const alert = (over: Partial<IndexedAlert>): IndexedAlert => ({
  id: `a${++next}`,
  userId: 1,
  symbol: 'BTCUSDT',
  condition: 'PRICE_ABOVE',
  price: null,
  percent: null,
  windowMinutes: null,
  revision: 1,
  ...over,
});
const ids = (fired: IndexedAlert[]) => fired.map((a) => a.id).sort();

describe('alert index', () => {
  it('when the price rises to or through PRICE_ABOVE thresholds, then exactly those fire, once', () => {
    const index = new AlertIndex();
    const [a, b, c] = [alert({ price: '100' }), alert({ price: '101.5' }), alert({ price: '110' })];
    for (const x of [c, a, b]) index.upsert(x);
    expect(index.tick('BTCUSDT', '99.99', 0)).toEqual([]);
    expect(ids(index.tick('BTCUSDT', '100', 1))).toEqual([a.id]);
    expect(ids(index.tick('BTCUSDT', '105', 2))).toEqual([b.id]);
    expect(index.tick('BTCUSDT', '106', 3)).toEqual([]);
    expect(ids(index.tick('BTCUSDT', '200', 4))).toEqual([c.id]);
    expect(index.size).toBe(0);
  });

  it('when the price falls to or through PRICE_BELOW thresholds, then exactly those fire; other symbols are untouched', () => {
    const index = new AlertIndex();
    const [a, b] = [alert({ condition: 'PRICE_BELOW', price: '90' }), alert({ condition: 'PRICE_BELOW', price: '95' })];
    const eth = alert({ symbol: 'ETHUSDT', condition: 'PRICE_BELOW', price: '1000000' });
    for (const x of [a, b, eth]) index.upsert(x);
    expect(index.tick('BTCUSDT', '95.01', 0)).toEqual([]);
    expect(ids(index.tick('BTCUSDT', '95', 1))).toEqual([b.id]);
    expect(ids(index.tick('BTCUSDT', '10', 2))).toEqual([a.id]);
    expect(index.has(eth.id)).toBe(true);
  });

  it('when an alert is edited (new revision) or removed, then only its current threshold counts', () => {
    const index = new AlertIndex();
    const a = alert({ price: '100' });
    index.upsert(a);
    index.upsert({ ...a, price: '120', revision: 2 });
    index.upsert({ ...a, price: '90', revision: 1 }); // a late, older copy is ignored
    expect(index.tick('BTCUSDT', '110', 0)).toEqual([]);
    expect(index.tick('BTCUSDT', '120', 1).map((x) => [x.id, x.revision])).toEqual([[a.id, 2]]);
    const b = alert({ price: '50' });
    const twin = alert({ price: '50' });
    index.upsert(b);
    index.upsert(twin);
    index.remove(b.id);
    expect(ids(index.tick('BTCUSDT', '60', 2))).toEqual([twin.id]);
  });

  it('when a late copy of a fired revision arrives (the pub/sub echo), then it is not armed again; a new revision is', () => {
    const index = new AlertIndex();
    const a = alert({ price: '100' });
    index.upsert(a);
    expect(ids(index.tick('BTCUSDT', '100', 0))).toEqual([a.id]);
    index.upsert(a);
    expect(index.has(a.id)).toBe(false);
    index.upsert({ ...a, revision: 2 });
    expect(index.has(a.id, 2)).toBe(true);
    index.remove(a.id, 1); // the "removed" of revision 1 arriving late leaves revision 2 armed
    expect(index.has(a.id, 2)).toBe(true);
    const [fired] = index.tick('BTCUSDT', '101', 1);
    index.restore(fired!); // the database failed: back in the index
    expect(index.has(a.id, 2)).toBe(true);
  });

  it('when the price moves the percent within the window (up or down), then PERCENT_MOVE fires; a move spread over a longer time does not', () => {
    const index = new AlertIndex();
    const up = alert({ condition: 'PERCENT_MOVE', percent: '2', windowMinutes: 1 });
    const big = alert({ condition: 'PERCENT_MOVE', percent: '5', windowMinutes: 1 });
    index.upsert(up);
    index.upsert(big);
    const min = 60_000;
    // +1.5 % per minute: never 2 % within one minute.
    expect(index.tick('BTCUSDT', '100', 0)).toEqual([]);
    expect(index.tick('BTCUSDT', '101.5', 1 * min + 1)).toEqual([]);
    expect(index.tick('BTCUSDT', '103.0225', 2 * min + 2)).toEqual([]);
    // Then 2 % down within the minute.
    expect(ids(index.tick('BTCUSDT', '100.9', 2 * min + 30_000))).toEqual([up.id]);
    expect(index.has(big.id)).toBe(true);
    const down = alert({ condition: 'PERCENT_MOVE', percent: '2', windowMinutes: 1 });
    index.upsert(down);
    expect(ids(index.tick('BTCUSDT', '100', 2 * min + 40_000))).toEqual([down.id]);
    expect(ids(index.tick('BTCUSDT', '97.8', 2 * min + 50_000))).toEqual([big.id]);
  });

  it('when 10,000 alerts are indexed, then a tick that fires none leaves all of them', () => {
    const index = new AlertIndex();
    for (let i = 0; i < 10_000; i++) index.upsert(alert({ condition: i % 2 ? 'PRICE_ABOVE' : 'PRICE_BELOW', price: String(i % 2 ? 60_000 + i : 40_000 - i) }));
    expect(index.tick('BTCUSDT', '50000', 0)).toEqual([]);
    expect(index.size).toBe(10_000);
    expect(index.tick('BTCUSDT', '60002', 1)).toHaveLength(1);
  });
});
