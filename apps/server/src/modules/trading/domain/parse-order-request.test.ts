import type { PlaceOrderRequest } from '@cryptosim/contracts';
import { describe, expect, it } from 'vitest';
import { parseOrderRequest } from './parse-order-request.js';

function issuesOf(side: 'BUY' | 'SELL', body: PlaceOrderRequest) {
  try {
    parseOrderRequest(side, body);
  } catch (err) {
    const e = err as { code: string; errors?: { path: string; message: string }[] };
    return { code: e.code, paths: (e.errors ?? []).map((i) => i.path) };
  }
  throw new Error('expected VALIDATION_FAILED');
}

describe('parseOrderRequest', () => {
  it('when the type is omitted, then it is a MARKET order with parsed decimals', () => {
    const intent = parseOrderRequest('BUY', { symbol: 'BTCUSDT', quoteAmount: '100.5' });
    expect(intent).toMatchObject({ side: 'BUY', type: 'MARKET', quantity: null, price: null, stopPrice: null });
    expect(intent.quoteAmount?.toFixed()).toBe('100.5');
  });

  it('when a LIMIT order has no price, then VALIDATION_FAILED points at /price', () => {
    expect(issuesOf('BUY', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '1' })).toEqual({ code: 'VALIDATION_FAILED', paths: ['/price'] });
  });

  it('when a stop order has no stopPrice, then /stopPrice is reported', () => {
    expect(issuesOf('SELL', { symbol: 'BTCUSDT', type: 'STOP_LOSS', quantity: '1' }).paths).toEqual(['/stopPrice']);
    expect(issuesOf('BUY', { symbol: 'BTCUSDT', type: 'TAKE_PROFIT', quantity: '1' }).paths).toEqual(['/stopPrice']);
  });

  it('when quoteAmount comes on a sell or a limit, then it is refused', () => {
    expect(issuesOf('SELL', { symbol: 'BTCUSDT', quoteAmount: '10' }).paths).toEqual(['/quantity', '/quoteAmount']);
    expect(issuesOf('BUY', { symbol: 'BTCUSDT', type: 'LIMIT', price: '1', quoteAmount: '10' }).paths).toEqual(['/quantity', '/quoteAmount']);
  });

  it('when a market buy has both or neither size, then it is refused', () => {
    expect(issuesOf('BUY', { symbol: 'BTCUSDT', quantity: '1', quoteAmount: '10' }).paths).toEqual(['/quoteAmount']);
    expect(issuesOf('BUY', { symbol: 'BTCUSDT' }).paths).toEqual(['']);
  });

  it('when a price belongs to another type, then it is refused rather than ignored', () => {
    expect(issuesOf('BUY', { symbol: 'BTCUSDT', quantity: '1', price: '5' }).paths).toEqual(['/price']);
    expect(issuesOf('SELL', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '1', price: '5', stopPrice: '4' }).paths).toEqual(['/stopPrice']);
  });

  it('when an amount is zero, then it is refused as not positive', () => {
    expect(issuesOf('SELL', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0', price: '0.00' }).paths).toEqual(['/quantity', '/price']);
  });
});

describe('parseOrderRequest — new types and timeInForce', () => {
  it('when a LIMIT has no timeInForce, then it is GTC; IOC and FOK are kept', () => {
    expect(parseOrderRequest('BUY', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '1', price: '5' }).timeInForce).toBe('GTC');
    expect(parseOrderRequest('BUY', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '1', price: '5', timeInForce: 'FOK' }).timeInForce).toBe('FOK');
  });

  it('when a stop-limit comes without price or stopPrice, then each missing field is reported', () => {
    expect(issuesOf('SELL', { symbol: 'BTCUSDT', type: 'STOP_LOSS_LIMIT', quantity: '1', stopPrice: '5' }).paths).toEqual(['/price']);
    expect(issuesOf('BUY', { symbol: 'BTCUSDT', type: 'TAKE_PROFIT_LIMIT', quantity: '1', price: '5' }).paths).toEqual(['/stopPrice']);
  });

  it('when a LIMIT_MAKER has a stopPrice or a timeInForce, then it is refused; alone it is stored as GTC', () => {
    expect(issuesOf('BUY', { symbol: 'BTCUSDT', type: 'LIMIT_MAKER', quantity: '1', price: '5', stopPrice: '4' }).paths).toEqual(['/stopPrice']);
    expect(issuesOf('BUY', { symbol: 'BTCUSDT', type: 'LIMIT_MAKER', quantity: '1', price: '5', timeInForce: 'IOC' }).paths).toEqual(['/timeInForce']);
    expect(parseOrderRequest('BUY', { symbol: 'BTCUSDT', type: 'LIMIT_MAKER', quantity: '1', price: '5' }).timeInForce).toBe('GTC');
  });

  it('when a MARKET or a STOP_LOSS carries a timeInForce, then /timeInForce is refused', () => {
    expect(issuesOf('BUY', { symbol: 'BTCUSDT', quantity: '1', timeInForce: 'GTC' }).paths).toEqual(['/timeInForce']);
    expect(issuesOf('SELL', { symbol: 'BTCUSDT', type: 'STOP_LOSS', quantity: '1', stopPrice: '4', timeInForce: 'IOC' }).paths).toEqual(['/timeInForce']);
  });
});
