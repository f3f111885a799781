import { describe, expect, it } from 'vitest';
import { dec } from '../../../core/decimal.js';
import { isTriggered, triggerCondition, triggerReach } from './trigger.js';
import { intent } from './testing/fixtures.js';

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
