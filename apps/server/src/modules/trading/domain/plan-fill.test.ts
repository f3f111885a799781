import { describe, expect, it } from 'vitest';
import { dec } from '@cryptosim/trading-rules';
import { BTC } from '@cryptosim/trading-rules/testing';
import { planFill } from './plan-fill.js';
import { cash, DOGE, errorOf, intent, NO_SLIP_CONFIG, position } from './testing/fixtures.js';
import { tradingConfig } from './trading-config.js';

const taker = (price: string) => ({ price: dec(price), liquidity: 'taker' as const });
const maker = (price: string) => ({ price: dec(price), liquidity: 'maker' as const });
const config = NO_SLIP_CONFIG;

describe('planFill — buys', () => {
  it('when a market buy fills, then cash pays notional + fee and the position starts at the fill price', () => {
    const plan = planFill({ order: intent('BUY', 'MARKET', { quantity: '0.5' }), execution: taker('40000'), rules: BTC, account: cash('100000'), position: position(), config });
    expect(plan.fill).toMatchObject({ quantity: dec('0.5'), price: dec('40000'), notional: dec('20000'), fee: dec('20'), realizedPnl: null });
    expect(plan.account).toEqual({ balance: dec('79980'), reserved: dec('0') });
    expect(plan.position).toMatchObject({ quantity: dec('0.5'), avgPrice: dec('40000') });
  });

  it('when a second buy lands at another price, then the average is weighted and excludes fees', () => {
    const plan = planFill({ order: intent('BUY', 'MARKET', { quantity: '1.5' }), execution: taker('44000'), rules: BTC, account: cash('100000'), position: position('0.5', '40000'), config });
    // (0.5 × 40000 + 1.5 × 44000) / 2 = 43000
    expect(plan.position.avgPrice.toFixed()).toBe('43000');
    expect(plan.position.quantity.toFixed()).toBe('2');
  });

  it('when the average does not terminate, then it is rounded half-up at 18 decimals', () => {
    const plan = planFill({ order: intent('BUY', 'MARKET', { quantity: '2' }), execution: taker('2'), rules: DOGE, account: cash('100'), position: position('1', '1'), config });
    expect(plan.position.avgPrice.toFixed()).toBe('1.666666666666666667');
  });

  it('when a quote-sized buy fills, then it buys the floored quantity and pays its fee on top', () => {
    const plan = planFill({ order: intent('BUY', 'MARKET', { quoteAmount: '100' }), execution: taker('30000'), rules: BTC, account: cash('100.0999'), position: position(), config });
    expect(plan.fill.quantity.toFixed()).toBe('0.00333');
    expect(plan.fill.fee.toFixed()).toBe('0.0999');
    expect(plan.account.balance.toFixed()).toBe('0.1');
  });

  it('when the cost exceeds free cash by the fee alone, then INSUFFICIENT_BALANCE', () => {
    const e = errorOf(() => planFill({ order: intent('BUY', 'MARKET', { quantity: '1' }), execution: taker('1000'), rules: BTC, account: cash('1000.99'), position: position(), config }));
    expect(e.code).toBe('INSUFFICIENT_BALANCE');
    expect(e.message).toContain('1001 USDT');
  });

  it('when cash is reserved by other orders, then only the free part pays', () => {
    const e = errorOf(() => planFill({ order: intent('BUY', 'MARKET', { quantity: '1' }), execution: taker('100'), rules: BTC, account: cash('1000', '950'), position: position(), config }));
    expect(e.code).toBe('INSUFFICIENT_BALANCE');
  });

  it('when a resting limit buy fills as maker below what it reserved, then the reservation is released and the excess is free again', () => {
    const cfg = tradingConfig({ makerFeeRate: '0.0002', takerFeeRate: '0.001', slippageK: '0' });
    // reserved 1 × 100 + fee at 0.1 % = 100.1; fill costs 100 + 0.02
    const order = { ...intent('BUY', 'LIMIT', { price: '100', quantity: '1' }), reservedAmount: dec('100.1') };
    const plan = planFill({ order, execution: maker('100'), rules: BTC, account: cash('500', '150.1'), position: position(), config: cfg });
    expect(plan.released.toFixed()).toBe('100.1');
    expect(plan.account).toEqual({ balance: dec('399.98'), reserved: dec('50') });
  });
});

describe('planFill — sells', () => {
  it('when a sell fills above the average, then proceeds are notional − fee and realized P&L nets the fee', () => {
    const plan = planFill({ order: intent('SELL', 'MARKET', { quantity: '0.5' }), execution: taker('50000'), rules: BTC, account: cash('1000'), position: position('2', '40000'), config });
    expect(plan.fill.notional.toFixed()).toBe('25000');
    expect(plan.fill.fee.toFixed()).toBe('25');
    expect(plan.fill.realizedPnl?.toFixed()).toBe('4975');
    expect(plan.account.balance.toFixed()).toBe('25975');
    expect(plan.position).toMatchObject({ quantity: dec('1.5'), avgPrice: dec('40000'), realizedPnl: dec('4975') });
  });

  it('when a sell at the average price fills, then the realized P&L is minus the fee', () => {
    const plan = planFill({ order: intent('SELL', 'MARKET', { quantity: '1' }), execution: taker('100'), rules: BTC, account: cash('0'), position: position('1', '100'), config });
    expect(plan.fill.realizedPnl?.toFixed()).toBe('-0.1');
    expect(plan.position).toMatchObject({ quantity: dec('0'), avgPrice: dec('0') });
  });

  it('when a resting sell fills, then its reserved coins are released and sold', () => {
    const order = { ...intent('SELL', 'LIMIT', { price: '120', quantity: '1' }), reservedAmount: dec('1') };
    const plan = planFill({ order, execution: maker('120'), rules: BTC, account: cash('0'), position: position('3', '100', '1'), config });
    expect(plan.position).toMatchObject({ quantity: dec('2'), reservedQuantity: dec('0') });
    expect(plan.account.balance.toFixed()).toBe('119.88');
  });

  it('when the coins are held by another open sell, then a market sell is INSUFFICIENT_POSITION', () => {
    const e = errorOf(() => planFill({ order: intent('SELL', 'MARKET', { quantity: '1' }), execution: taker('100'), rules: BTC, account: cash('0'), position: position('1.5', '90', '1'), config }));
    expect(e.code).toBe('INSUFFICIENT_POSITION');
    expect(e.message).toContain('only 0.5');
  });
});
