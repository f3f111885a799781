import { describe, expect, it } from 'vitest';
import { dec } from '@cryptosim/trading-rules';
import { BTC } from '@cryptosim/trading-rules/testing';
import { matchExecution, selectCrossedOrders, stopLimitOnTrigger } from './match-orders.js';
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

describe('stop-limits in the matcher', () => {
  const stopLimit = (side: 'BUY' | 'SELL', type: 'STOP_LOSS_LIMIT' | 'TAKE_PROFIT_LIMIT', stopPrice: string, price: string, extra: Partial<RestingOrder> = {}): RestingOrder => ({
    ...intent(side, type, { quantity: '1', stopPrice, price }),
    quantity: dec('1'),
    id: nextId++,
    createdAt: 0,
    reservedAmount: dec('0'),
    ...extra,
  });
  const market = (price: string) => ({ price: dec(price), quoteVolume: dec('1000000000') });

  it('when the price falls through a sell stop-limit stop, then it is crossed to trigger; its limit below does not count yet', () => {
    const order = stopLimit('SELL', 'STOP_LOSS_LIMIT', '95', '94');
    expect(selectCrossedOrders([order], move('100', '96'))).toEqual([]);
    expect(selectCrossedOrders([order], move('100', '95')).map((c) => c.fillsAs)).toEqual(['trigger']);
  });

  it('when a stop-limit has triggered, then it waits at its limit price like a LIMIT and fills there as maker', () => {
    const order = stopLimit('SELL', 'STOP_LOSS_LIMIT', '95', '94', { triggered: true });
    expect(selectCrossedOrders([order], move('90', '93.99'))).toEqual([]);
    const crossed = selectCrossedOrders([order], move('90', '94'));
    expect(crossed.map((c) => c.fillsAs)).toEqual(['limit']);
    expect(matchExecution(order, market('94.5'), BTC, NO_SLIP_CONFIG)).toEqual({ price: dec('94'), liquidity: 'maker' });
  });

  it('when the stop triggers and the limit is marketable at the tick price, then it takes the market as taker, never worse than its limit', () => {
    const config = tradingConfig({ slippageK: '0.1', slippageCap: '0.05' });
    // notional 94.5 against 10 000: 0.1 × √0.00945 ≈ 0.97 % → 94.5 × 0.9903 = 93.58, held at the 94 limit
    expect(stopLimitOnTrigger(stopLimit('SELL', 'STOP_LOSS_LIMIT', '95', '94'), { price: dec('94.5'), quoteVolume: dec('10000') }, BTC, config)).toEqual({
      kind: 'fill',
      execution: { price: dec('94'), liquidity: 'taker' },
    });
    expect(stopLimitOnTrigger(stopLimit('BUY', 'TAKE_PROFIT_LIMIT', '90', '91'), market('89'), BTC, NO_SLIP_CONFIG)).toEqual({
      kind: 'fill',
      execution: { price: dec('89'), liquidity: 'taker' },
    });
  });

  it('when the price gapped past the limit, then a GTC stop-limit rests and an IOC or FOK one expires', () => {
    expect(stopLimitOnTrigger(stopLimit('SELL', 'STOP_LOSS_LIMIT', '95', '94'), market('90'), BTC, NO_SLIP_CONFIG)).toEqual({ kind: 'rest' });
    expect(stopLimitOnTrigger(stopLimit('SELL', 'STOP_LOSS_LIMIT', '95', '94', { timeInForce: 'IOC' }), market('90'), BTC, NO_SLIP_CONFIG)).toEqual({ kind: 'expire' });
    expect(stopLimitOnTrigger(stopLimit('BUY', 'STOP_LOSS_LIMIT', '105', '106', { timeInForce: 'FOK' }), market('110'), BTC, NO_SLIP_CONFIG)).toEqual({ kind: 'expire' });
  });

  it('when a LIMIT_MAKER rests, then the price reaching it fills it as maker at its price', () => {
    const maker: RestingOrder = { ...intent('BUY', 'LIMIT_MAKER', { quantity: '1', price: '99' }), quantity: dec('1'), id: nextId++, createdAt: 0, reservedAmount: dec('0') };
    expect(selectCrossedOrders([maker], move('100', '98')).map((c) => c.fillsAs)).toEqual(['limit']);
    expect(matchExecution(maker, market('98'), BTC, NO_SLIP_CONFIG)).toEqual({ price: dec('99'), liquidity: 'maker' });
  });
});
