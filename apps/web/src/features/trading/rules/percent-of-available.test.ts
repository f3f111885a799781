import { describe, expect, it } from 'vitest';
import type { SymbolInfo } from '@cryptosim/contracts';
import { checkOrder, type OrderContext } from './check-order';
import { EMPTY_DRAFT, type OrderDraft } from './order-draft';
import { percentOfAvailable } from './percent-of-available';

const BTC: SymbolInfo = {
  symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', status: 'TRADING',
  tickSize: '0.01', stepSize: '0.00001', minQty: '0.00001', minNotional: '5',
};
const ctx: OrderContext = { rules: BTC, marketPrice: '50000', cash: '1001', coin: '0.123456', feeRate: '0.001' };
const draft = (patch: Partial<OrderDraft>): OrderDraft => ({ ...EMPTY_DRAFT, ...patch });

describe('percentage of available', () => {
  it('when 100 % of cash is used for a coin buy, then the fee on top still fits and the quantity is a whole step', () => {
    const amount = percentOfAvailable(draft({}), ctx, 100);
    expect(amount, '1001 / 1.001 = 1000 USDT → 0.02 BTC at 50,000').toBe('0.02');
    expect(checkOrder(draft({ amount: amount! }), ctx).issues).toEqual({});
  });

  it('when 25 % of cash is used for a USDT-sized market buy, then the quote amount leaves room for the fee, floored to the cent', () => {
    expect(percentOfAvailable(draft({ unit: 'QUOTE' }), ctx, 25)).toBe('250');
    expect(percentOfAvailable(draft({ unit: 'QUOTE' }), { ...ctx, cash: '100' }, 50), '50 / 1.001 = 49.95004…').toBe('49.95');
  });

  it('when a limit buy is sized, then the limit price, not the live price, sets the quantity', () => {
    expect(percentOfAvailable(draft({ type: 'LIMIT', price: '40000' }), ctx, 50)).toBe('0.0125');
  });

  it('when selling a share of the position, then the free coin is floored to the step', () => {
    expect(percentOfAvailable(draft({ side: 'SELL' }), ctx, 75), '0.123456 × 0.75 = 0.092592 → 0.09259').toBe('0.09259');
    expect(percentOfAvailable(draft({ side: 'SELL' }), ctx, 100)).toBe('0.12345');
  });

  it('when there is no price to size a coin buy at yet, then nothing is filled in', () => {
    expect(percentOfAvailable(draft({}), { ...ctx, marketPrice: undefined }, 50)).toBeNull();
    expect(percentOfAvailable(draft({ type: 'LIMIT', price: '' }), ctx, 50)).toBeNull();
  });

  it('when the rounded-up fee would tip an exact fit over the cash, then one step less is used', () => {
    // 0.00002 BTC at 50,000.01 = 1.0000002; fee 0.0010000002 → rounded up 0.00100001; total 1.00100021.
    const tight: OrderContext = { ...ctx, marketPrice: '50000.01', cash: '1.0010002' };
    const amount = percentOfAvailable(draft({}), tight, 100)!;
    expect(checkOrder(draft({ amount }), tight).issues.balance, `amount ${amount} must be affordable`).toBeUndefined();
  });
});
