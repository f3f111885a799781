import { describe, expect, it } from 'vitest';
import type { SymbolInfo } from '@cryptosim/contracts';
import { checkOrder, type OrderContext } from './check-order';
import { EMPTY_DRAFT, type OrderDraft } from './order-draft';

const BTC: SymbolInfo = {
  symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', status: 'TRADING',
  tickSize: '0.01', stepSize: '0.00001', minQty: '0.00001', minNotional: '5',
};
const ctx: OrderContext = { rules: BTC, marketPrice: '64123.45', cash: '1000', coin: '0.5', rates: { makerFeeRate: '0.001', takerFeeRate: '0.001', stopSlippageCap: '0.05' } };
const draft = (patch: Partial<OrderDraft>): OrderDraft => ({ ...EMPTY_DRAFT, ...patch });

describe('order ticket rules', () => {
  it('when a market buy is sized in coin, then notional, fee (rounded up to 8 decimals) and total are exact', () => {
    const { issues, preview, request } = checkOrder(draft({ amount: '0.00123' }), ctx);
    expect(issues).toEqual({});
    expect(preview).toEqual({
      quantity: '0.00123', price: '64123.45', notional: '78.8718435', fee: '0.07887185', total: '78.95071535', estimated: true,
    });
    expect(request).toEqual({ symbol: 'BTCUSDT', type: 'MARKET', quantity: '0.00123' });
  });

  it('when a sell is previewed, then the fee is taken off the proceeds', () => {
    const { preview } = checkOrder(draft({ side: 'SELL', type: 'LIMIT', price: '70000', amount: '0.1' }), ctx);
    expect(preview).toMatchObject({ notional: '7000', fee: '7', total: '6993', estimated: false });
  });

  it('when the limit price is off the tick size, then PRICE_FILTER is explained with the tick', () => {
    const { issues, request } = checkOrder(draft({ type: 'LIMIT', price: '64000.005', amount: '0.001' }), ctx);
    expect(issues.price).toEqual({ key: 'ticket.error.tick', params: { tick: { price: '0.01' } } });
    expect(request, 'nothing is sent while a rule is broken').toBeNull();
  });

  it('when the amount is off the step size, then LOT_SIZE is explained with the step', () => {
    expect(checkOrder(draft({ amount: '0.000015' }), ctx).issues.amount).toEqual({ key: 'ticket.error.step', params: { step: { quantity: '0.00001' } } });
  });

  it('when the order value is under the minimum notional, then MIN_NOTIONAL is explained', () => {
    const { issues } = checkOrder(draft({ amount: '0.00007' }), ctx); // 0.00007 × 64123.45 ≈ 4.49 USDT
    expect(issues.amount).toEqual({ key: 'ticket.error.minNotional', params: { minNotional: { money: '5' } } });
  });

  it('when the amount is under the minimum quantity, then the minimum is named with the asset', () => {
    const rules = { ...BTC, minQty: '0.001', minNotional: '0' };
    expect(checkOrder(draft({ amount: '0.0005' }), { ...ctx, rules }).issues.amount).toEqual({
      key: 'ticket.error.minQty', params: { minQty: { quantity: '0.001' }, asset: { text: 'BTC' } },
    });
  });

  it('when the buy with its fee costs more than the free cash, then the needed and available amounts are given', () => {
    const { issues, request } = checkOrder(draft({ amount: '0.0156' }), ctx);
    // 0.0156 × 64123.45 = 1000.32582; fee 1.00032582.
    expect(issues.balance).toEqual({ key: 'ticket.error.insufficientCash', params: { needed: { money: '1001.32614582' }, available: { money: '1000' } } });
    expect(request).toBeNull();
  });

  it('when a resting buy needs more than the free cash, then the message says the order holds it while it waits', () => {
    const { issues, request } = checkOrder(draft({ type: 'LIMIT', price: '1000', amount: '1' }), ctx);
    expect(issues.balance).toEqual({ key: 'ticket.error.insufficientCashHeld', params: { needed: { money: '1001' }, available: { money: '1000' } } });
    expect(request).toBeNull();
  });

  const unequal = { ...ctx, rates: { makerFeeRate: '0.0002', takerFeeRate: '0.001', stopSlippageCap: '0.05' } };

  it('when a limit buy rests and maker < taker, then the fee shown is maker but the cash must cover the taker fee the server reserves', () => {
    const limit = draft({ type: 'LIMIT', price: '50000', amount: '0.02' });
    const { preview, issues } = checkOrder(limit, { ...unequal, cash: '1000.5' });
    expect(preview).toMatchObject({ notional: '1000', fee: '0.2', total: '1000.2' });
    expect(issues.balance, 'the server holds 1000 + 1000 × 0.001').toEqual({
      key: 'ticket.error.insufficientCashHeld', params: { needed: { money: '1001' }, available: { money: '1000.5' } },
    });
    expect(checkOrder(limit, { ...unequal, cash: '1001' }).issues).toEqual({});
  });

  it('when a limit buy crosses the live price, then it fills as taker and needs exactly its total', () => {
    const crossing = draft({ type: 'LIMIT', price: '70000', amount: '0.01' });
    expect(checkOrder(crossing, { ...unequal, cash: '700.7' }).issues).toEqual({});
    expect(checkOrder(crossing, { ...unequal, cash: '700.69999999' }).issues.balance?.params?.needed).toEqual({ money: '700.7' });
  });

  it('when a stop buy rests, then the cash must cover the trigger moved by the slippage cap, with the fee at the larger rate', () => {
    // 70000 × 1.05 = 73500; 0.01 × 73500 = 735; fee 0.735 (the previewed total at the trigger is 700.7).
    const stop = draft({ type: 'STOP_LOSS', stopPrice: '70000', amount: '0.01' });
    expect(checkOrder(stop, { ...unequal, cash: '735.73499999' }).issues.balance).toEqual({
      key: 'ticket.error.insufficientCashHeld', params: { needed: { money: '735.735' }, available: { money: '735.73499999' } },
    });
    expect(checkOrder(stop, { ...unequal, cash: '735.735' }).issues).toEqual({});
  });

  it('when a stop buy has already triggered at the live price, then it needs the live price plus the taker fee, as a market buy', () => {
    // 0.01 × 64123.45 = 641.2345; fee 0.6412345.
    const { issues } = checkOrder(draft({ type: 'STOP_LOSS', stopPrice: '60000', amount: '0.01' }), { ...unequal, cash: '641' });
    expect(issues.balance).toEqual({ key: 'ticket.error.insufficientCash', params: { needed: { money: '641.8757345' }, available: { money: '641' } } });
  });

  it('when exactly the cash is needed including the fee, then the buy is allowed', () => {
    const { issues } = checkOrder(draft({ type: 'LIMIT', price: '999', amount: '1' }), { ...ctx, cash: '999.999' });
    expect(issues).toEqual({});
  });

  it('when selling more than the free coin, then the available amount is given', () => {
    expect(checkOrder(draft({ side: 'SELL', amount: '0.50001' }), ctx).issues.balance).toEqual({
      key: 'ticket.error.insufficientCoin', params: { available: { quantity: '0.5' }, asset: { text: 'BTC' } },
    });
  });

  it('when a market buy is sized in USDT, then quoteAmount is sent and the quantity is floored to the step', () => {
    const { preview, request } = checkOrder(draft({ unit: 'QUOTE', amount: '100' }), ctx);
    expect(preview?.quantity, '100 / 64123.45 = 0.0015594… floored to 0.00001').toBe('0.00155');
    expect(request).toEqual({ symbol: 'BTCUSDT', type: 'MARKET', quoteAmount: '100' });
  });

  it('when USDT is chosen for an order type that refuses quoteAmount, then the amount counts as coin', () => {
    const { request } = checkOrder(draft({ unit: 'QUOTE', type: 'LIMIT', price: '60000', amount: '0.01' }), ctx);
    expect(request).toEqual({ symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.01', price: '60000' });
  });

  it('when a stop order is drafted, then the trigger price is checked and sent as stopPrice', () => {
    expect(checkOrder(draft({ side: 'SELL', type: 'STOP_LOSS', amount: '0.1' }), ctx).issues.stopPrice).toEqual({ key: 'ticket.error.required' });
    expect(checkOrder(draft({ side: 'SELL', type: 'STOP_LOSS', stopPrice: '60000.10', amount: '0.1' }), ctx).request).toEqual({
      symbol: 'BTCUSDT', type: 'STOP_LOSS', quantity: '0.1', stopPrice: '60000.1',
    });
  });

  it.each(['abc', '1e3', '-1', '0', '1.2.3'])('when the amount is %j, then it is refused as not a positive number', (amount) => {
    expect(checkOrder(draft({ amount }), ctx).issues.amount?.key).toBe('ticket.error.positive');
  });
});

describe('order ticket rules — post-only, time in force, stop-limits', () => {
  const wide = { ...ctx, cash: '100000' };

  it.each([
    ['BUY', '64123.45', 'ticket.error.makerMustBeBelow'],
    ['BUY', '65000', 'ticket.error.makerMustBeBelow'],
    ['SELL', '64123.45', 'ticket.error.makerMustBeAbove'],
    ['SELL', '60000', 'ticket.error.makerMustBeAbove'],
  ] as const)('when a post-only %s at %s would take the market at 64123.45, then the price field says so and nothing is sent', (side, price, key) => {
    const { issues, request } = checkOrder(draft({ side, type: 'LIMIT_MAKER', price, amount: '0.001' }), wide);
    expect(issues.price).toEqual({ key, params: { price: { price: '64123.45' } } });
    expect(request).toBeNull();
  });

  it('when a post-only buy rests below the price, then it is sent without timeInForce', () => {
    expect(checkOrder(draft({ type: 'LIMIT_MAKER', price: '60000', amount: '0.001', timeInForce: 'IOC' }), wide).request).toEqual({
      symbol: 'BTCUSDT', type: 'LIMIT_MAKER', quantity: '0.001', price: '60000',
    });
  });

  it('when a limit is IOC or FOK, then the body carries it; GTC, the default, is left out', () => {
    expect(checkOrder(draft({ type: 'LIMIT', price: '60000', amount: '0.001', timeInForce: 'FOK' }), wide).request).toMatchObject({ timeInForce: 'FOK' });
    expect(checkOrder(draft({ type: 'LIMIT', price: '60000', amount: '0.001' }), wide).request).not.toHaveProperty('timeInForce');
  });

  it('when a stop-limit is complete, then both prices and the time in force are sent and the preview is at the limit price', () => {
    const { issues, preview, request } = checkOrder(draft({ side: 'SELL', type: 'STOP_LOSS_LIMIT', stopPrice: '60000', price: '59900.5', amount: '0.1', timeInForce: 'IOC' }), wide);
    expect(issues).toEqual({});
    expect(preview).toMatchObject({ price: '59900.5', notional: '5990.05', estimated: false });
    expect(request).toEqual({ symbol: 'BTCUSDT', type: 'STOP_LOSS_LIMIT', quantity: '0.1', stopPrice: '60000', price: '59900.5', timeInForce: 'IOC' });
  });

  it('when a stop-limit lacks its limit price, then the price is required; a trigger off the tick is explained', () => {
    const { issues } = checkOrder(draft({ type: 'TAKE_PROFIT_LIMIT', stopPrice: '60000.001', amount: '0.1' }), wide);
    expect(issues.price).toEqual({ key: 'ticket.error.required' });
    expect(issues.stopPrice).toEqual({ key: 'ticket.error.tick', params: { tick: { price: '0.01' } } });
  });

  it('when a stop-limit buy needs more than the cash, then it is measured at its limit price plus the larger fee, as the server holds it', () => {
    const { issues } = checkOrder(draft({ type: 'STOP_LOSS_LIMIT', stopPrice: '70000', price: '70100', amount: '0.01443' }), { ...ctx, cash: '1000' });
    // 0.01443 × 70100 = 1011.543; fee 1.011543 → 1012.554543 held, no slippage allowance.
    expect(issues.balance).toEqual({ key: 'ticket.error.insufficientCashHeld', params: { needed: { money: '1012.554543' }, available: { money: '1000' } } });
  });
});
