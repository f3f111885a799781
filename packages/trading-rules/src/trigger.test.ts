import { describe, expect, it } from 'vitest';
import { dec } from './decimal.js';
import { isMarketable, isTriggered, restsAsLimit, triggerCondition, triggerReach } from './trigger.js';
import { order as intent } from './testing/fixtures.js';

const move = (previous: string | null, current: string) => ({ previous: previous === null ? null : dec(previous), current: dec(current) });

describe('triggerCondition', () => {
  it.each([
    ['BUY', 'LIMIT', 'atOrBelow'],
    ['SELL', 'LIMIT', 'atOrAbove'],
    ['SELL', 'STOP_LOSS', 'atOrBelow'],
    ['BUY', 'STOP_LOSS', 'atOrAbove'],
    ['SELL', 'TAKE_PROFIT', 'atOrAbove'],
    ['BUY', 'TAKE_PROFIT', 'atOrBelow'],
  ] as const)('when a %s %s rests, then it fills %s its level', (side, type, when) => {
    expect(triggerCondition(intent(side, type, { quantity: '1', price: '100', stopPrice: '100' })).when).toBe(when);
  });

  it('when a MARKET order is asked for a trigger, then it throws: it never rests', () => {
    expect(() => triggerCondition(intent('BUY', 'MARKET', { quantity: '1' }))).toThrow();
  });
});

describe('isTriggered', () => {
  const limitBuy = intent('BUY', 'LIMIT', { quantity: '1', price: '100' });
  const stopSell = intent('SELL', 'STOP_LOSS', { quantity: '1', stopPrice: '90' });

  it('when the price touches the limit exactly, then a limit buy fills; one tick above, it does not', () => {
    expect(isTriggered(limitBuy, move(null, '100'))).toBe(true);
    expect(isTriggered(limitBuy, move(null, '100.01'))).toBe(false);
  });

  it('when the price falls through the stop between two updates, then the stop triggers', () => {
    expect(isTriggered(stopSell, move('95', '85'))).toBe(true);
  });

  it('when the previous price was inside but the price recovered, then it still counts: the market traded there', () => {
    expect(isTriggered(stopSell, move('89', '95'))).toBe(true);
  });

  it('when neither end of the move reaches the level, then nothing triggers', () => {
    expect(isTriggered(stopSell, move('99', '91'))).toBe(false);
  });

  it('when the price rises through a buy stop, then the distance travelled is reported', () => {
    const reach = triggerReach(triggerCondition(intent('BUY', 'STOP_LOSS', { quantity: '1', stopPrice: '105' })), move('100', '110'));
    expect(reach?.distance.toFixed()).toBe('5');
  });
});

describe('new order types', () => {
  it.each([
    ['SELL', 'STOP_LOSS_LIMIT', false, 'atOrBelow', '90'],
    ['BUY', 'STOP_LOSS_LIMIT', false, 'atOrAbove', '90'],
    ['SELL', 'TAKE_PROFIT_LIMIT', false, 'atOrAbove', '90'],
    ['BUY', 'TAKE_PROFIT_LIMIT', false, 'atOrBelow', '90'],
    ['SELL', 'STOP_LOSS_LIMIT', true, 'atOrAbove', '89'],
    ['BUY', 'TAKE_PROFIT_LIMIT', true, 'atOrBelow', '89'],
    ['BUY', 'LIMIT_MAKER', false, 'atOrBelow', '89'],
    ['SELL', 'LIMIT_MAKER', false, 'atOrAbove', '89'],
  ] as const)('when a %s %s (triggered: %s) rests, then it waits %s %s', (side, type, triggered, when, level) => {
    const condition = triggerCondition({ ...intent(side, type, { quantity: '1', price: '89', stopPrice: '90' }), triggered });
    expect({ when: condition.when, level: condition.level.toFixed() }).toEqual({ when, level });
  });

  it('when a limit meets the price, then a buy is marketable at or above it and a sell at or below it', () => {
    expect(isMarketable('BUY', dec('100'), dec('100'))).toBe(true);
    expect(isMarketable('BUY', dec('100'), dec('100.01'))).toBe(false);
    expect(isMarketable('SELL', dec('100'), dec('100'))).toBe(true);
    expect(isMarketable('SELL', dec('100'), dec('99.99'))).toBe(false);
  });

  it('when a stop-limit has triggered, then it rests as a limit; before, it does not', () => {
    expect(restsAsLimit({ type: 'STOP_LOSS_LIMIT', triggered: true })).toBe(true);
    expect(restsAsLimit({ type: 'STOP_LOSS_LIMIT' })).toBe(false);
    expect(restsAsLimit({ type: 'STOP_LOSS', triggered: true })).toBe(false);
  });
});
