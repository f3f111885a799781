/**
 * Planning a batch in code: each placement in arrival order against the locked accounts, as
 * if the orders had run one after another.
 */
import type { PlaceOrderRequest } from '@cryptosim/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../kernel/app-error.js';
import { dec } from '@cryptosim/trading-rules';
import { BTC_INFO } from '@cryptosim/trading-rules/testing';
import type { LockedAccount } from '../account-repository.js';
import type { MarketSnapshot, OrderSide } from '../domain/order-model.js';
import { parseOrderRequest } from '../domain/parse-order-request.js';
import { cash, NO_SLIP_CONFIG, position } from '../domain/testing/fixtures.js';
import { keyOf } from './batch-reads.js';
import { planBatch, type BatchInput, type Outcome } from './plan-batch.js';
import type { Placement } from './placement.js';

const ETH_INFO = { ...BTC_INFO, symbol: 'ETHUSDT', baseAsset: 'ETH', stepSize: '0.0001', minQty: '0.0001' };
const INFO = { BTCUSDT: BTC_INFO, ETHUSDT: ETH_INFO } as const;

let generated = 0;
function placement(userId: number, side: OrderSide, body: PlaceOrderRequest): Placement {
  const info = INFO[body.symbol as keyof typeof INFO];
  const clientSent = body.clientOrderId !== undefined;
  return { userId, side, body, info, intent: parseOrderRequest(side, body), clientOrderId: body.clientOrderId ?? `generated-${++generated}`, clientSent };
}

function account(userId: number, balance: string, positions: Record<string, ReturnType<typeof position>> = {}): LockedAccount {
  return { userId, run: 1, initialBalance: dec('100000'), cash: cash(balance), positions: new Map(Object.entries(positions)) };
}

const market = (price: string): MarketSnapshot => ({ price: dec(price), quoteVolume: dec('1000000000') });

function plan(placements: Placement[], accounts: LockedAccount[], extra: Partial<BatchInput> = {}) {
  return planBatch({
    placements,
    accounts: new Map(accounts.map((a) => [a.userId, a])),
    existing: new Set(),
    liveApiKeys: new Set(),
    markets: new Map<string, MarketSnapshot | Error>([
      ['BTCUSDT', market('50000')],
      ['ETHUSDT', market('2000')],
    ]),
    config: NO_SLIP_CONFIG,
    ...extra,
  });
}

const kinds = (outcomes: Outcome[]) => outcomes.map((o) => (o.kind === 'failed' ? `failed ${(o.error as AppError).code}` : o.kind));

describe('planBatch', () => {
  it('when several users each place an order, then each is planned on its own account and every change is final state', () => {
    const p = plan(
      [placement(1, 'BUY', { symbol: 'BTCUSDT', quantity: '0.1' }), placement(2, 'BUY', { symbol: 'ETHUSDT', quantity: '1' }), placement(3, 'SELL', { symbol: 'BTCUSDT', quantity: '0.5' })],
      [account(1, '100000'), account(2, '5000'), account(3, '0', { BTCUSDT: position('1', '40000') })],
    );
    expect(kinds(p.outcomes)).toEqual(['write', 'write', 'write']);
    expect(p.accounts.get(1)!.cash.balance.toFixed()).toBe('94995'); // 5000 + 5 fee
    expect(p.accounts.get(2)!.cash.balance.toFixed()).toBe('2998'); // 2000 + 2 fee
    expect(p.accounts.get(3)!.cash.balance.toFixed()).toBe('24975'); // 25000 − 25 fee
    expect(p.accounts.get(3)!.positions.get('BTCUSDT')!.quantity.toFixed()).toBe('0.5');
    expect([...p.cashChanged].sort()).toEqual([1, 2, 3]);
    expect([...p.positionsChanged.values()]).toEqual([
      [1, 'BTCUSDT'],
      [2, 'ETHUSDT'],
      [3, 'BTCUSDT'],
    ]);
  });

  it('when one user sends 50 buys in one batch with cash for 19, then exactly the first 19 are planned, as serially', () => {
    const buys = Array.from({ length: 50 }, () => placement(1, 'BUY', { symbol: 'BTCUSDT', quantity: '0.1' }));
    const p = plan(buys, [account(1, '100000')]);
    expect(kinds(p.outcomes)).toEqual([...Array(19).fill('write'), ...Array(31).fill('failed INSUFFICIENT_BALANCE')]);
    expect(p.accounts.get(1)!.cash.balance.toFixed()).toBe(String(100000 - 19 * 5005));
    expect(p.accounts.get(1)!.positions.get('BTCUSDT')!.quantity.toFixed()).toBe('1.9');
    expect(p.positionsChanged.size, 'one position row, written once with its final state').toBe(1);
  });

  it('when a user buys and then sells in the same batch, then the sell sees the coins the buy added', () => {
    const p = plan([placement(1, 'BUY', { symbol: 'BTCUSDT', quantity: '0.2' }), placement(1, 'SELL', { symbol: 'BTCUSDT', quantity: '0.1' })], [account(1, '100000')]);
    expect(kinds(p.outcomes)).toEqual(['write', 'write']);
    expect(p.accounts.get(1)!.positions.get('BTCUSDT')!.quantity.toFixed()).toBe('0.1');
  });

  it('when one placement breaks a rule, then it alone fails and changes nothing, and the next order of that user still plans', () => {
    const p = plan(
      [
        placement(1, 'BUY', { symbol: 'BTCUSDT', quantity: '0.1' }),
        placement(2, 'BUY', { symbol: 'BTCUSDT', quantity: '0.000015' }),
        placement(2, 'BUY', { symbol: 'BTCUSDT', quantity: '0.01' }),
      ],
      [account(1, '100000'), account(2, '100000')],
    );
    expect(kinds(p.outcomes)).toEqual(['write', 'failed LOT_SIZE', 'write']);
    expect(p.accounts.get(2)!.cash.balance.toFixed()).toBe('99499.5'); // only the 0.01 (500 + 0.5 fee)
  });

  it('when a symbol has no price or a user no account, then only their placements fail, with that reason', () => {
    const noPrice = new AppError('NO_PRICE', 503, 'no price');
    const p = plan(
      [placement(1, 'BUY', { symbol: 'ETHUSDT', quantity: '1' }), placement(9, 'BUY', { symbol: 'BTCUSDT', quantity: '0.1' }), placement(1, 'BUY', { symbol: 'BTCUSDT', quantity: '0.1' })],
      [account(1, '100000')],
      { markets: new Map<string, MarketSnapshot | Error>([['BTCUSDT', market('50000')], ['ETHUSDT', noPrice]]) },
    );
    expect(kinds(p.outcomes)).toEqual(['failed NO_PRICE', 'failed UNAUTHORIZED', 'write']);
  });

  it('when a clientOrderId repeats in the batch, then the first is planned and the repeat points at it; one already stored is a repeat', () => {
    const body = { symbol: 'BTCUSDT', quantity: '0.01', clientOrderId: 'twice' };
    const p = plan(
      [
        placement(1, 'BUY', body),
        placement(1, 'BUY', body),
        placement(1, 'BUY', { ...body, quantity: '0.02' }),
        placement(2, 'BUY', body), // another user's key is their own
        placement(1, 'BUY', { ...body, clientOrderId: 'stored' }),
      ],
      [account(1, '100000'), account(2, '100000')],
      { existing: new Set([keyOf(1, 'stored')]) },
    );
    expect(p.outcomes.map((o) => (o.kind === 'repeat-in-batch' ? `repeat of ${o.first}` : o.kind))).toEqual(['write', 'repeat of 0', 'repeat of 0', 'write', 'repeat']);
    expect(p.accounts.get(1)!.positions.get('BTCUSDT')!.quantity.toFixed(), 'charged once').toBe('0.01');
  });

  it('when the first use of a clientOrderId is refused, then a later one in the batch is planned afresh, as it would be serially', () => {
    const p = plan(
      [placement(1, 'BUY', { symbol: 'BTCUSDT', quantity: '10', clientOrderId: 'retry' }), placement(1, 'BUY', { symbol: 'BTCUSDT', quantity: '0.1', clientOrderId: 'retry' })],
      [account(1, '100000')],
    );
    expect(kinds(p.outcomes)).toEqual(['failed INSUFFICIENT_BALANCE', 'write']);
  });

  it('when a limit buy rests, then its cost is reserved and only the cash row changes', () => {
    const p = plan([placement(1, 'BUY', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.1', price: '40000' })], [account(1, '100000')]);
    expect(kinds(p.outcomes)).toEqual(['write']);
    expect(p.accounts.get(1)!.cash.reserved.toFixed()).toBe('4004');
    expect([...p.cashChanged]).toEqual([1]);
    expect(p.positionsChanged.size).toBe(0);
    const [o] = p.outcomes;
    expect(o?.kind === 'write' && o.write.order).toMatchObject({ status: 'NEW', reservedAmount: '4004', reservedAsset: 'USDT' });
  });

  it('when a placement was signed by an API key that is no longer live, then it alone is refused as UNAUTHORIZED and changes nothing', () => {
    const signed = (keyId: string, body: PlaceOrderRequest) => ({ ...placement(1, 'BUY', body), apiKeyId: keyId });
    const p = plan(
      [signed('live-key', { symbol: 'BTCUSDT', quantity: '0.1' }), signed('revoked-key', { symbol: 'BTCUSDT', quantity: '0.1', clientOrderId: 'bot-1' }), placement(1, 'BUY', { symbol: 'BTCUSDT', quantity: '0.1' })],
      [account(1, '100000')],
      { liveApiKeys: new Set(['live-key']), existing: new Set([keyOf(1, 'bot-1')]) },
    );
    expect(kinds(p.outcomes), 'a revoked key is refused before its clientOrderId is even looked up').toEqual(['write', 'failed UNAUTHORIZED', 'write']);
    expect(p.accounts.get(1)!.cash.balance.toFixed(), 'two buys of 5000 + 5 fee each, none for the revoked key').toBe('89990');
  });
});
