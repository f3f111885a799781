import { describe, expect, it } from 'vitest';
import { dec } from '@cryptosim/trading-rules';
import { BTC } from '@cryptosim/trading-rules/testing';
import { planOrder, type PlaceInput } from './plan-order.js';
import { cash, errorOf, intent, NO_SLIP_CONFIG, position } from './testing/fixtures.js';
import { tradingConfig } from './trading-config.js';

const base = (over: Partial<PlaceInput>): PlaceInput => ({
  intent: intent('BUY', 'MARKET', { quantity: '0.1' }),
  rules: BTC,
  market: { price: dec('50000'), quoteVolume: dec('1000000000') },
  account: cash('100000'),
  position: position(),
  config: NO_SLIP_CONFIG,
  ...over,
});

describe('planOrder', () => {
  it('when a market buy is placed, then it fills now at the slipped price as taker', () => {
    const config = tradingConfig({ slippageK: '1', slippageCap: '0.05' });
    // notional 5 000 against 5 000 000 of volume: √0.001 ≈ 0.0316 → 50000 × 1.0316… = 51581.14 (up to the tick)
    const plan = planOrder(base({ config, market: { price: dec('50000'), quoteVolume: dec('5000000') } }));
    expect(plan.kind).toBe('fill');
    if (plan.kind !== 'fill') return;
    expect(plan.execution.price.toFixed()).toBe('51581.14');
    expect(plan.plan.fill.fee.toFixed()).toBe('5.158114');
  });

  it('when a market buy by quote is placed, then the checked quantity is what fills', () => {
    const plan = planOrder(base({ intent: intent('BUY', 'MARKET', { quoteAmount: '1000' }) }));
    if (plan.kind !== 'fill') throw new Error('expected a fill');
    expect(plan.plan.fill.quantity.toFixed()).toBe('0.02');
    expect(plan.plan.account.balance.toFixed()).toBe('98999');
  });

  it('when a limit buy sits below the market, then it rests and its reservation leaves free cash', () => {
    const plan = planOrder(base({ intent: intent('BUY', 'LIMIT', { quantity: '0.1', price: '45000' }) }));
    expect(plan.kind).toBe('rest');
    if (plan.kind !== 'rest') return;
    expect(plan.reservation.amount.toFixed()).toBe('4504.5');
    expect(plan.account).toEqual({ balance: dec('100000'), reserved: dec('4504.5') });
  });

  it('when a limit buy is above the market, then it takes the market at once, never above its limit', () => {
    const config = tradingConfig({ slippageK: '1', slippageCap: '0.05' });
    const plan = planOrder(base({ config, intent: intent('BUY', 'LIMIT', { quantity: '0.1', price: '50100' }), market: { price: dec('50000'), quoteVolume: dec('5000000') } }));
    if (plan.kind !== 'fill') throw new Error('expected a fill');
    expect(plan.execution).toEqual({ price: dec('50100'), liquidity: 'taker' });
  });

  it('when a sell stop sits below the market, then it rests holding the coins', () => {
    const plan = planOrder(base({ intent: intent('SELL', 'STOP_LOSS', { quantity: '1', stopPrice: '45000' }), position: position('1', '40000') }));
    if (plan.kind !== 'rest') throw new Error('expected a resting order');
    expect(plan.position.reservedQuantity.toFixed()).toBe('1');
  });

  it.each([
    ['SELL', 'STOP_LOSS', '55000'],
    ['BUY', 'STOP_LOSS', '45000'],
    ['SELL', 'TAKE_PROFIT', '45000'],
    ['BUY', 'TAKE_PROFIT', '55000'],
    ['SELL', 'STOP_LOSS', '50000'],
  ] as const)('when a %s %s at %s is already past its trigger at 50000, then WOULD_TRIGGER_IMMEDIATELY and nothing fills', (side, type, stopPrice) => {
    const e = errorOf(() => planOrder(base({ intent: intent(side, type, { quantity: '1', stopPrice }), position: position('1', '40000') })));
    expect(e.code).toBe('WOULD_TRIGGER_IMMEDIATELY');
    expect(e.message).toContain('would trigger immediately');
  });

  it('when a buy take-profit sits below the market, then it rests', () => {
    expect(planOrder(base({ intent: intent('BUY', 'TAKE_PROFIT', { quantity: '0.1', stopPrice: '45000' }) })).kind).toBe('rest');
  });

  it('when a resting buy needs more than the free cash, then INSUFFICIENT_BALANCE and nothing is reserved', () => {
    expect(errorOf(() => planOrder(base({ intent: intent('BUY', 'LIMIT', { quantity: '3', price: '40000' }) }))).code).toBe('INSUFFICIENT_BALANCE');
  });

  it('when a resting sell exceeds the free coins, then INSUFFICIENT_POSITION', () => {
    const e = errorOf(() => planOrder(base({ intent: intent('SELL', 'LIMIT', { quantity: '1', price: '60000' }), position: position('1', '40000', '0.5') })));
    expect(e.code).toBe('INSUFFICIENT_POSITION');
  });

  it('when the order breaks an exchange rule, then that rule answers before any balance check', () => {
    expect(errorOf(() => planOrder(base({ intent: intent('BUY', 'LIMIT', { quantity: '0.1', price: '45000.001' }), account: cash('0') }))).code).toBe('PRICE_FILTER');
  });
});

describe('planOrder — time in force, post-only and stop-limits', () => {
  const withSlip = tradingConfig({ slippageK: '1', slippageCap: '0.05' });
  const thinMarket = { price: dec('50000'), quoteVolume: dec('5000000') };

  it.each(['IOC', 'FOK'] as const)('when a %s limit buy crosses the price, then it fills now as taker, never above its limit', (timeInForce) => {
    const plan = planOrder(base({ config: withSlip, market: thinMarket, intent: intent('BUY', 'LIMIT', { quantity: '0.1', price: '50100', timeInForce }) }));
    if (plan.kind !== 'fill') throw new Error(`expected a fill, got ${plan.kind}`);
    expect(plan.execution).toEqual({ price: dec('50100'), liquidity: 'taker' });
  });

  it.each(['IOC', 'FOK'] as const)('when a %s limit buy is below the price, then it expires: nothing reserved, nothing filled', (timeInForce) => {
    const plan = planOrder(base({ intent: intent('BUY', 'LIMIT', { quantity: '0.1', price: '45000', timeInForce }) }));
    expect(plan.kind).toBe('expire');
    if (plan.kind !== 'expire') return;
    expect(plan.checked.quantity.toFixed()).toBe('0.1');
  });

  it('when an IOC sell is above the price and the coins are not there, then INSUFFICIENT_POSITION rather than an expiry', () => {
    const e = errorOf(() => planOrder(base({ intent: intent('SELL', 'LIMIT', { quantity: '1', price: '60000', timeInForce: 'IOC' }), position: position('0.5', '40000') })));
    expect(e.code).toBe('INSUFFICIENT_POSITION');
  });

  it('when a GTC limit is not marketable, then it rests as before', () => {
    expect(planOrder(base({ intent: intent('SELL', 'LIMIT', { quantity: '1', price: '60000', timeInForce: 'GTC' }), position: position('1', '40000') })).kind).toBe('rest');
  });

  it.each([
    ['BUY', '50000'],
    ['BUY', '50000.01'],
    ['SELL', '50000'],
    ['SELL', '49999.99'],
  ] as const)('when a LIMIT_MAKER %s at %s would take the market at 50000, then WOULD_MATCH_IMMEDIATELY and nothing happens', (side, price) => {
    const e = errorOf(() => planOrder(base({ intent: intent(side, 'LIMIT_MAKER', { quantity: '0.1', price }), position: position('1', '40000') })));
    expect(e.code).toBe('WOULD_MATCH_IMMEDIATELY');
    expect(e.message).toContain('would immediately match and take');
  });

  it('when a LIMIT_MAKER buy is below the market, then it rests holding price × quantity plus the larger fee', () => {
    const config = tradingConfig({ makerFeeRate: '0.0002', takerFeeRate: '0.001' });
    const plan = planOrder(base({ config, intent: intent('BUY', 'LIMIT_MAKER', { quantity: '0.1', price: '49999.99' }) }));
    if (plan.kind !== 'rest') throw new Error('expected a resting order');
    expect(plan.reservation.amount.toFixed()).toBe('5004.998999');
  });

  it('when a stop-limit buy rests, then it holds its limit price × quantity plus fee, not the slipped stop', () => {
    const plan = planOrder(base({ intent: intent('BUY', 'STOP_LOSS_LIMIT', { quantity: '0.1', stopPrice: '55000', price: '55500' }) }));
    if (plan.kind !== 'rest') throw new Error('expected a resting order');
    expect(plan.reservation).toEqual({ asset: 'QUOTE', amount: dec('5555.55') });
  });

  it('when a take-profit-limit sell rests, then it holds the coins', () => {
    const plan = planOrder(base({ intent: intent('SELL', 'TAKE_PROFIT_LIMIT', { quantity: '0.5', stopPrice: '55000', price: '54900' }), position: position('1', '40000') }));
    if (plan.kind !== 'rest') throw new Error('expected a resting order');
    expect(plan.position.reservedQuantity.toFixed()).toBe('0.5');
  });

  it.each([
    ['SELL', 'STOP_LOSS_LIMIT', '55000', '54000'],
    ['BUY', 'STOP_LOSS_LIMIT', '45000', '45100'],
    ['SELL', 'TAKE_PROFIT_LIMIT', '45000', '45000'],
    ['BUY', 'TAKE_PROFIT_LIMIT', '55000', '55000'],
  ] as const)('when a %s %s has its stop %s already reached at 50000, then WOULD_TRIGGER_IMMEDIATELY', (side, type, stopPrice, price) => {
    const e = errorOf(() => planOrder(base({ intent: intent(side, type, { quantity: '0.1', stopPrice, price }), position: position('1', '40000') })));
    expect(e.code).toBe('WOULD_TRIGGER_IMMEDIATELY');
  });

  it('when the limit price of a stop-limit is off the tick, then PRICE_FILTER names price', () => {
    const e = errorOf(() => planOrder(base({ intent: intent('BUY', 'STOP_LOSS_LIMIT', { quantity: '0.1', stopPrice: '55000', price: '55000.005' }) })));
    expect(e.code).toBe('PRICE_FILTER');
    expect(e.message).toContain('price 55000.005');
  });
});
