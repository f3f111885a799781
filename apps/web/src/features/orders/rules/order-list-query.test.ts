import { describe, expect, it } from 'vitest';
import { orderListQuery, startOfDay } from './order-list-query';

describe('order list query', () => {
  it('when no filter is set, then it asks for every status and nothing else', () => {
    expect(orderListQuery({}).toString()).toBe('status=all');
  });

  it('when every filter is set, then each becomes its API parameter and the days become created-at bounds', () => {
    const query = orderListQuery({ symbol: 'BTCUSDT', side: 'SELL', status: 'CANCELED', fromDay: '2026-03-01', toDay: '2026-03-02' }, { limit: '50' });
    expect(Object.fromEntries(query)).toEqual({
      status: 'CANCELED',
      symbol: 'BTCUSDT',
      side: 'SELL',
      from: new Date(2026, 2, 1).toISOString(),
      // The last day is included: the bound is the next local midnight.
      to: new Date(2026, 2, 3).toISOString(),
      limit: '50',
    });
  });

  it('when a day is empty or malformed, then it is left out instead of sent', () => {
    expect(startOfDay('')).toBeUndefined();
    expect(startOfDay('2026-3-1')).toBeUndefined();
    expect(orderListQuery({ fromDay: 'yesterday' }).has('from')).toBe(false);
  });

  it('when the last day ends a month, then the bound rolls over to the next month', () => {
    expect(startOfDay('2026-01-31', 1)).toBe(new Date(2026, 1, 1).toISOString());
  });
});
