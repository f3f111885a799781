import { describe, expect, it } from 'vitest';
import { dec } from '@cryptosim/trading-rules';
import { BTC } from '@cryptosim/trading-rules/testing';
import { matchExecution, selectCrossedOrders } from './match-orders.js';
import type { RestingOrder } from './order-model.js';
import { intent, NO_SLIP_CONFIG } from './testing/fixtures.js';
import { tradingConfig } from './trading-config.js';

let nextId = 1;
function resting(side: 'BUY' | 'SELL', type: 'LIMIT' | 'STOP_LOSS' | 'TAKE_PROFIT', level: string, createdAt = 0): RestingOrder {
  const fields = type === 'LIMIT' ? { price: level } : { stopPrice: level };
  return { ...intent(side, type, { quantity: '1', ...fields }), quantity: dec('1'), id: nextId++, createdAt, reservedAmount: dec('0') };
}
const move = (previous: string | null, current: string) => ({ previous: previous === null ? null : dec(previous), current: dec(current) });
const levels = (xs: { order: RestingOrder }[]) => xs.map(({ order }) => (order.price ?? order.stopPrice)?.toFixed());

describe('selectCrossedOrders', () => {
  it('when the price falls, then buys fill from the highest limit down and untouched orders stay', () => {
    const orders = [resting('BUY', 'LIMIT', '95'), resting('BUY', 'LIMIT', '99'), resting('BUY', 'LIMIT', '97'), resting('BUY', 'LIMIT', '90')];
    expect(levels(selectCrossedOrders(orders, move('100', '94')))).toEqual(['99', '97', '95']);
  });

  it('when the price rises, then sells fill from the lowest limit up, with buy stops in path order', () => {
    const orders = [resting('SELL', 'LIMIT', '106'), resting('BUY', 'STOP_LOSS', '103'), resting('SELL', 'LIMIT', '104'), resting('SELL', 'TAKE_PROFIT', '200')];
    const crossed = selectCrossedOrders(orders, move('100', '110'));
    expect(levels(crossed)).toEqual(['103', '104', '106']);
    expect(crossed.map((c) => c.fillsAs)).toEqual(['market', 'limit', 'limit']);
  });

  it('when two orders share a level, then the older fills first, then the lower id', () => {
    const late = resting('BUY', 'LIMIT', '99', 2000);
    const early = resting('BUY', 'LIMIT', '99', 1000);
    const sameTimeHigherId = resting('BUY', 'LIMIT', '99', 1000);
    expect(selectCrossedOrders([late, sameTimeHigherId, early], move('100', '98')).map((c) => c.order.id)).toEqual([early.id, sameTimeHigherId.id, late.id]);
  });

  it('when there is no previous price, then orders already inside fill deepest first', () => {
    const orders = [resting('BUY', 'LIMIT', '101'), resting('BUY', 'LIMIT', '105'), resting('BUY', 'LIMIT', '99')];
    expect(levels(selectCrossedOrders(orders, move(null, '100')))).toEqual(['105', '101']);
  });

  it('when the price does not move past any level, then nothing fills', () => {
    expect(selectCrossedOrders([resting('SELL', 'STOP_LOSS', '90'), resting('BUY', 'LIMIT', '95')], move('100', '96'))).toEqual([]);
  });
});

describe('matchExecution', () => {
  const market = { price: dec('100'), quoteVolume: dec('10000') };

  it('when a limit order is crossed, even by a gap, then it fills at its own limit price as maker', () => {
    expect(matchExecution(resting('BUY', 'LIMIT', '99.5'), market, BTC, NO_SLIP_CONFIG)).toEqual({ price: dec('99.5'), liquidity: 'maker' });
  });

  it('when a stop triggers, then it fills at the market price with slippage, as taker', () => {
    const config = tradingConfig({ slippageK: '0.1', slippageCap: '0.05' });
    // notional 100 against 10 000 of volume: 0.1 × √0.01 = 1 % → a sell gets 99
    expect(matchExecution(resting('SELL', 'STOP_LOSS', '101'), market, BTC, config)).toEqual({ price: dec('99'), liquidity: 'taker' });
  });
});
