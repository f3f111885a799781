import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeeRatesResponse, SymbolInfo } from '@cryptosim/contracts';
import { serverReservation, type RestingBuy } from '@/testing/server-reservation';
import { buyCost, buyTerms, type BuyContext } from './buy-reservation';
import { Dec } from '@cryptosim/trading-rules';

const RATES: FeeRatesResponse = { makerFeeRate: '0.0002', takerFeeRate: '0.001', stopSlippageCap: '0.05' };
const ctx: BuyContext = { marketPrice: '50000', tickSize: '0.01', rates: RATES };
const d = (text: string) => new Dec(text);
const cost = (type: RestingBuy['type'] | 'MARKET', price: string, quantity: string, at: BuyContext = ctx) => buyCost(d(quantity), buyTerms(type, d(price), at)).toFixed();

describe('what a buy holds or spends', () => {
  it('when a limit buy rests below the market, then it holds the notional plus the fee at the larger (taker) rate', () => {
    expect(buyTerms('LIMIT', d('40000'), ctx)).toMatchObject({ feeRate: d('0.001'), resting: true });
    expect(cost('LIMIT', '40000', '0.025'), '1000 + 1000 × 0.001, not the maker 0.2').toBe('1001');
  });

  it('when the maker rate is the larger one, then a resting limit buy holds at the maker rate', () => {
    expect(cost('LIMIT', '40000', '0.025', { ...ctx, rates: { ...RATES, makerFeeRate: '0.002' } })).toBe('1002');
  });

  it('when no live price is known yet, then a limit buy is taken to rest', () => {
    expect(buyTerms('LIMIT', d('60000'), { ...ctx, marketPrice: undefined })).toMatchObject({ feeRate: d('0.001'), resting: true });
  });

  it('when a market buy or a crossing limit fills at once, then it spends its price plus the taker fee', () => {
    const taker = { ...ctx, rates: { ...RATES, makerFeeRate: '0.003' } };
    expect(buyTerms('MARKET', d('50000'), taker)).toMatchObject({ feeRate: d('0.001'), resting: false });
    expect(cost('MARKET', '50000', '0.02', taker)).toBe('1001');
    expect(buyTerms('LIMIT', d('50000'), taker), 'at the market: crosses').toMatchObject({ price: d('50000'), feeRate: d('0.001'), resting: false });
  });

  it('when a stop buy rests, then it holds the trigger moved by the slippage cap, rounded up to the tick, plus the larger fee', () => {
    // 33333.33 × 1.05 = 34999.9965 → 35000.00 on the 0.01 tick; 0.3 × 35000 = 10500; fee 10.5.
    expect(buyTerms('STOP_LOSS', d('33333.33'), { ...ctx, marketPrice: '30000' })).toMatchObject({ price: d('35000'), resting: true });
    expect(cost('STOP_LOSS', '33333.33', '0.3', { ...ctx, marketPrice: '30000' })).toBe('10510.5');
    // A take-profit buy waits for the price to fall to its trigger: 40000 × 1.05 = 42000.
    expect(cost('TAKE_PROFIT', '40000', '0.01')).toBe('420.42');
  });

  it('when the tick is 0, then the moved trigger is not rounded', () => {
    expect(buyTerms('STOP_LOSS', d('33333.33'), { ...ctx, marketPrice: undefined, tickSize: '0' }).price.toFixed()).toBe('34999.9965');
  });

  it('when a stop buy has already triggered at the live price, then it fills now: the live price and the taker fee', () => {
    expect(buyTerms('STOP_LOSS', d('45000'), ctx)).toMatchObject({ price: d('50000'), feeRate: d('0.001'), resting: false });
    expect(buyTerms('TAKE_PROFIT', d('55000'), ctx)).toMatchObject({ price: d('50000'), resting: false });
  });

  it('when compared with the server on random resting buys, then the amount held is the same to the last digit', () => {
    const decimal = (digits: number, maxUnits: number) =>
      fc.tuple(fc.integer({ min: 0, max: maxUnits }), fc.integer({ min: 0, max: digits })).map(([units, scale]) => d(String(units)).div(d('10').pow(scale)));
    /** A fraction below 1, as the server's config accepts: units / 10^digits. */
    const fraction = (digits: number) => fc.integer({ min: 0, max: 10 ** digits - 1 }).map((units) => d(String(units)).div(d('10').pow(digits)).toFixed());
    const rate = fc.oneof(fraction(3), fraction(6));
    const arb = fc.record({
      tickSize: fc.constantFrom('0', '1', '0.5', '0.1', '0.01', '0.0001', '0.00000001'),
      ticks: fc.integer({ min: 1, max: 2_000_000_000 }),
      quantity: decimal(8, 100_000_000).filter((q) => q.gt(0)).map((q) => q.toFixed()),
      type: fc.constantFrom('LIMIT' as const, 'STOP_LOSS' as const, 'TAKE_PROFIT' as const),
      marketKnown: fc.boolean(),
      rates: fc.record({ makerFeeRate: rate, takerFeeRate: rate, stopSlippageCap: fc.oneof(fraction(2), fraction(4)) }),
    });
    fc.assert(
      fc.property(arb, ({ tickSize, ticks, quantity, type, marketKnown, rates }) => {
        const price = d(String(ticks)).times(tickSize === '0' ? '0.001' : tickSize);
        // Where the live price must be for the order to rest (trigger.ts): a limit or take-profit
        // buy waits for the price to fall to it, a stop-loss buy for it to rise.
        const market = type === 'STOP_LOSS' ? price.div(2) : price.times(2);
        const at: BuyContext = { marketPrice: marketKnown ? market.toFixed() : undefined, tickSize, rates };
        const terms = buyTerms(type, price, at);
        const rules: SymbolInfo = { symbol: 'XUSDT', baseAsset: 'X', quoteAsset: 'USDT', status: 'TRADING', tickSize, stepSize: '0', minQty: '0', minNotional: '0' };
        expect(terms.resting).toBe(true);
        expect(buyCost(d(quantity), terms).toFixed()).toBe(serverReservation({ type, price: price.toFixed(), quantity }, rules, rates));
      }),
      { numRuns: 300 },
    );
  });
});
