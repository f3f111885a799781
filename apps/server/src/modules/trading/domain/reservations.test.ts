import { describe, expect, it } from 'vitest';
import { dec } from '@cryptosim/trading-rules';
import {
  availableCash,
  availableQuantity,
  releaseCash,
  releaseOrder,
  reserveCash,
  reserveQuantity,
} from './reservations.js';
import { cash, errorOf, intent, position } from './testing/fixtures.js';

describe('reserving and releasing', () => {
  it('when the reservation equals the free cash exactly, then it fits and nothing stays free', () => {
    const account = reserveCash(cash('1000', '400'), dec('600'));
    expect(account.reserved.toFixed()).toBe('1000');
    expect(availableCash(account).toFixed()).toBe('0');
  });

  it('when it is one unit more than the free cash, then INSUFFICIENT_BALANCE with both amounts', () => {
    const e = errorOf(() => reserveCash(cash('1000', '400'), dec('600.00000001')));
    expect(e).toMatchObject({ code: 'INSUFFICIENT_BALANCE', status: 400 });
    expect(e.message).toContain('600.00000001');
    expect(e.message).toContain('only 600 USDT');
  });

  it('when more coins are to be sold than are free, then INSUFFICIENT_POSITION', () => {
    const e = errorOf(() => reserveQuantity(position('1', '100', '0.6'), dec('0.5'), 'BTC'));
    expect(e.code).toBe('INSUFFICIENT_POSITION');
    expect(e.message).toContain('only 0.4 BTC');
  });

  it('when the stored reservation ever exceeds the total, then available reads 0, not negative', () => {
    expect(availableCash(cash('10', '12')).toFixed()).toBe('0');
    expect(availableQuantity(position('1', '1', '2')).toFixed()).toBe('0');
  });

  it('when an order is canceled, then everything it held returns at once', () => {
    const buy = { ...intent('BUY', 'LIMIT', { price: '100', quantity: '1' }), id: 1, createdAt: 0, quantity: dec('1'), reservedAmount: dec('100.1') };
    expect(releaseOrder(buy, cash('500', '100.1'), position()).account.reserved.toFixed()).toBe('0');
    const sell = { ...buy, side: 'SELL' as const, reservedAmount: dec('1') };
    expect(releaseOrder(sell, cash('500'), position('3', '90', '1')).position.reservedQuantity.toFixed()).toBe('0');
  });

  it('when more is released than is reserved, then it is a bug and throws', () => {
    expect(() => releaseCash(cash('10', '1'), dec('2'))).toThrow(/only 1 is reserved/);
  });
});
