import { describe, expect, it } from 'vitest';
import { feeRateFor } from './fee-rate';

const rates = { makerFeeRate: '0.0002', takerFeeRate: '0.00075' };
const draft = (patch: Partial<Parameters<typeof feeRateFor>[0]>) => ({ side: 'BUY' as const, type: 'MARKET' as const, price: '', stopPrice: '', ...patch });

describe('feeRateFor', () => {
  it.each([
    ['a market order', '0.00075', draft({})],
    ['a stop-loss, which fills as a market order once triggered', '0.00075', draft({ type: 'STOP_LOSS', side: 'SELL' })],
    ['a limit buy below the market, which rests', '0.0002', draft({ type: 'LIMIT', price: '49000' })],
    ['a limit buy at or above the market, which fills at once', '0.00075', draft({ type: 'LIMIT', price: '50000' })],
    ['a limit sell above the market, which rests', '0.0002', draft({ type: 'LIMIT', side: 'SELL', price: '51000' })],
    ['a limit sell below the market, which fills at once', '0.00075', draft({ type: 'LIMIT', side: 'SELL', price: '49999.99' })],
    ['a limit without a price yet', '0.0002', draft({ type: 'LIMIT', price: '' })],
    ['a post-only limit, which only ever rests', '0.0002', draft({ type: 'LIMIT_MAKER', price: '49000' })],
    ['a buy stop-limit whose limit is above its stop, which takes the market when it triggers', '0.00075', draft({ type: 'STOP_LOSS_LIMIT', stopPrice: '51000', price: '51100' })],
    ['a sell stop-limit whose limit is above its stop, which rests once triggered', '0.0002', draft({ type: 'STOP_LOSS_LIMIT', side: 'SELL', stopPrice: '49000', price: '49100' })],
    ['a sell take-profit-limit whose limit is below its stop, which takes when triggered', '0.00075', draft({ type: 'TAKE_PROFIT_LIMIT', side: 'SELL', stopPrice: '55000', price: '54900' })],
  ])('when the draft is %s, then its fee rate is %s', (_what, expected, d) => {
    expect(feeRateFor(d, '50000', rates)).toBe(expected);
  });

  it('when no live price is known, then a limit order is assumed to rest (maker)', () => {
    expect(feeRateFor(draft({ type: 'LIMIT', price: '60000' }), undefined, rates)).toBe('0.0002');
  });
});
