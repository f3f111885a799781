import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SymbolInfo } from '@cryptosim/contracts';
import { serverReservation, type RestingBuy } from '@/testing/server-reservation';
import { checkOrder, type OrderContext } from './check-order';
import { Dec } from '@cryptosim/trading-rules';
import { EMPTY_DRAFT, type OrderDraft } from './order-draft';
import { percentOfAvailable } from './percent-of-available';

const BTC: SymbolInfo = {
  symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', status: 'TRADING',
  tickSize: '0.01', stepSize: '0.00001', minQty: '0.00001', minNotional: '5',
};
const ctx: OrderContext = { rules: BTC, marketPrice: '50000', cash: '1001', coin: '0.123456', rates: { makerFeeRate: '0.001', takerFeeRate: '0.001', stopSlippageCap: '0.05' } };
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

  const unequal: OrderContext = { ...ctx, rates: { makerFeeRate: '0.0002', takerFeeRate: '0.001', stopSlippageCap: '0.05' } };
  const oneLotMore = (amount: string) => new Dec(amount).plus(BTC.stepSize).toFixed();
  /** The server's verdict on a resting buy of `quantity`: does what it reserves fit the cash? */
  const serverFits = (order: Omit<RestingBuy, 'quantity'>, quantity: string, c: OrderContext) =>
    new Dec(serverReservation({ ...order, quantity }, BTC, c.rates)).lte(c.cash);

  it('when 100 % is used for a resting limit buy with maker 0.0002 < taker 0.001, then what the server reserves fits and one lot more does not', () => {
    const limit = draft({ type: 'LIMIT', price: '40000' });
    const amount = percentOfAvailable(limit, unequal, 100)!;
    expect(amount, '1001 / (40000 × 1.001); sizing at the maker rate gave 0.02501, which the server refused').toBe('0.025');
    expect(serverFits({ type: 'LIMIT', price: '40000' }, amount, unequal)).toBe(true);
    expect(checkOrder({ ...limit, amount }, unequal).issues).toEqual({});
    expect(serverFits({ type: 'LIMIT', price: '40000' }, oneLotMore(amount), unequal)).toBe(false);
    expect(checkOrder({ ...limit, amount: oneLotMore(amount) }, unequal).issues.balance?.key).toBe('ticket.error.insufficientCashHeld');
  });

  it('when 100 % is used for a resting stop buy with a 5 % cap, then the slippage allowance fits and one lot more does not', () => {
    const stop = draft({ type: 'STOP_LOSS', stopPrice: '60000' });
    const amount = percentOfAvailable(stop, unequal, 100)!;
    expect(amount, '1001 / (63000 × 1.001); sizing at the trigger gave 0.01666').toBe('0.01587');
    expect(serverFits({ type: 'STOP_LOSS', price: '60000' }, amount, unequal)).toBe(true);
    expect(checkOrder({ ...stop, amount }, unequal).issues).toEqual({});
    expect(serverFits({ type: 'STOP_LOSS', price: '60000' }, oneLotMore(amount), unequal)).toBe(false);
    expect(checkOrder({ ...stop, amount: oneLotMore(amount) }, unequal).issues.balance?.key).toBe('ticket.error.insufficientCashHeld');
  });

  it('when 100 % is used for random resting buys, then the server accepts the amount and refuses one lot more, and the ticket agrees', () => {
    const arb = fc.record({
      type: fc.constantFrom('LIMIT' as const, 'STOP_LOSS' as const, 'TAKE_PROFIT' as const),
      cents: fc.integer({ min: 100, max: 10_000_000 }),
      cash: fc.integer({ min: 200_000, max: 100_000_000_000 }).map((c) => new Dec(c).div(100).toFixed()),
      maker: fc.integer({ min: 0, max: 5_000 }),
      taker: fc.integer({ min: 0, max: 5_000 }),
      cap: fc.integer({ min: 0, max: 2_000 }),
    });
    fc.assert(
      fc.property(arb, ({ type, cents, cash, maker, taker, cap }) => {
        const price = new Dec(cents).div(100).toFixed();
        const rates = { makerFeeRate: new Dec(maker).div(1e6).toFixed(), takerFeeRate: new Dec(taker).div(1e6).toFixed(), stopSlippageCap: new Dec(cap).div(1e4).toFixed() };
        // A live price at which the order rests: a stop-loss buy waits for a rise, the others for a fall.
        const marketPrice = new Dec(price).times(type === 'STOP_LOSS' ? '0.5' : '2').toFixed();
        const c: OrderContext = { ...ctx, marketPrice, cash, rates };
        const base = type === 'LIMIT' ? draft({ type, price }) : draft({ type, stopPrice: price });
        const amount = percentOfAvailable(base, c, 100)!;
        expect(serverFits({ type, price }, amount, c), `${amount} fits`).toBe(true);
        expect(checkOrder({ ...base, amount }, c).issues.balance).toBeUndefined();
        expect(serverFits({ type, price }, oneLotMore(amount), c), `${oneLotMore(amount)} is refused`).toBe(false);
        expect(checkOrder({ ...base, amount: oneLotMore(amount) }, c).issues.balance?.key).toBe('ticket.error.insufficientCashHeld');
      }),
      { numRuns: 200 },
    );
  });

  it('when the rounded-up fee would tip an exact fit over the cash, then one step less is used', () => {
    // 0.00002 BTC at 50,000.01 = 1.0000002; fee 0.0010000002 → rounded up 0.00100001; total 1.00100021.
    const tight: OrderContext = { ...ctx, marketPrice: '50000.01', cash: '1.0010002' };
    const amount = percentOfAvailable(draft({}), tight, 100)!;
    expect(checkOrder(draft({ amount }), tight).issues.balance, `amount ${amount} must be affordable`).toBeUndefined();
  });
});
