import { describe, expect, it } from 'vitest';
import { parseDepth } from './parse-depth.js';

describe('parseDepth', () => {
  it("when Binance's exact depth JSON arrives, then levels keep their order and lose trailing zeros", () => {
    const body = JSON.parse(
      '{"lastUpdateId":1027024,"bids":[["4.00000000","431.00000000"],["3.99000000","0.00100000"]],"asks":[["4.00000200","12.00000000"]]}',
    );
    expect(parseDepth(body)).toEqual({
      lastUpdateId: 1027024,
      bids: [['4', '431'], ['3.99', '0.001']],
      asks: [['4.000002', '12']],
    });
  });

  it('when a level is not a pair of decimal strings, then the whole book is rejected with the offending place', () => {
    expect(() => parseDepth({ lastUpdateId: 1, bids: [[4, '1']], asks: [] })).toThrow(/bids\[0\]/);
    expect(() => parseDepth({ lastUpdateId: 1, bids: [], asks: [['1e5', '1']] })).toThrow(/asks\[0\]/);
    expect(() => parseDepth({ bids: [], asks: [] })).toThrow(/lastUpdateId/);
    expect(() => parseDepth({ lastUpdateId: 1, bids: {}, asks: [] })).toThrow(/bids is not an array/);
  });
});
