import { describe, expect, it } from 'vitest';
import type { OrderDraft } from '../rules/order-draft';
import { stopSideIssue } from './stop-side-issue';

const draft = (patch: Partial<OrderDraft>): OrderDraft => ({ side: 'SELL', type: 'STOP_LOSS', unit: 'BASE', amount: '1', price: '', stopPrice: '', ...patch }) as OrderDraft;

describe('stopSideIssue', () => {
  it.each([
    ['SELL', 'STOP_LOSS', '87', 'ticket.error.stopMustBeBelow'],
    ['SELL', 'STOP_LOSS', '86', 'ticket.error.stopMustBeBelow'],
    ['BUY', 'STOP_LOSS', '85', 'ticket.error.stopMustBeAbove'],
    ['SELL', 'TAKE_PROFIT', '80', 'ticket.error.stopMustBeAbove'],
    ['BUY', 'TAKE_PROFIT', '90', 'ticket.error.stopMustBeBelow'],
    ['SELL', 'STOP_LOSS_LIMIT', '87', 'ticket.error.stopMustBeBelow'],
    ['BUY', 'STOP_LOSS_LIMIT', '85', 'ticket.error.stopMustBeAbove'],
    ['SELL', 'TAKE_PROFIT_LIMIT', '80', 'ticket.error.stopMustBeAbove'],
    ['BUY', 'TAKE_PROFIT_LIMIT', '90', 'ticket.error.stopMustBeBelow'],
  ] as const)('when a %s %s triggers at %s with the price at 86, then it is refused (%s)', (side, type, stopPrice, key) => {
    expect(stopSideIssue(draft({ side, type, stopPrice }), '86')?.key).toBe(key);
  });

  it.each([
    ['SELL', 'STOP_LOSS', '80'],
    ['BUY', 'STOP_LOSS', '90'],
    ['SELL', 'TAKE_PROFIT', '90'],
    ['BUY', 'TAKE_PROFIT', '80'],
    ['SELL', 'STOP_LOSS_LIMIT', '80'],
    ['BUY', 'TAKE_PROFIT_LIMIT', '80'],
  ] as const)('when a %s %s waits at %s on the right side of 86, then there is no issue', (side, type, stopPrice) => {
    expect(stopSideIssue(draft({ side, type, stopPrice }), '86')).toBeUndefined();
  });

  it('when the order is not a stop or there is no live price, then there is nothing to say', () => {
    expect(stopSideIssue(draft({ type: 'LIMIT', price: '90' }), '86')).toBeUndefined();
    expect(stopSideIssue(draft({ stopPrice: '90' }), undefined)).toBeUndefined();
  });
});
