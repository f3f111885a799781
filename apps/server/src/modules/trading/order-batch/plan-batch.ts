/**
 * Plans a batch in code, between its two round trips: each placement in arrival order,
 * against the locked accounts, which it mutates. So a user's later orders in the batch see
 * the earlier ones' effects exactly as if they had run one after another, and a placement the
 * rules refuse (INSUFFICIENT_BALANCE, LOT_SIZE, NO_PRICE, ...) fails alone, changing nothing.
 *
 * A caller-sent clientOrderId that already names an order is a repeat of it; one that an
 * earlier placement of the batch planned is a repeat of that one (the first wins). A first
 * attempt the rules refused leaves nothing behind, so its repeat is planned afresh.
 */
import { symbolRules } from '@cryptosim/trading-rules';
import { AppError } from '../../../kernel/app-error.js';
import type { MarketSnapshot } from '../domain/order-model.js';
import type { Fill } from '../domain/plan-fill.js';
import { planOrder } from '../domain/plan-order.js';
import type { TradingConfig } from '../domain/trading-config.js';
import { accountGone, EMPTY_POSITION, type LockedAccount } from '../account-repository.js';
import type { OrderRow } from '../order-view.js';
import { keyOf } from './batch-reads.js';
import type { Placement } from './placement.js';

const apiKeyRevoked = () => new AppError('UNAUTHORIZED', 401, 'The API key that signed this order has been revoked.');

export type OrderValues = Omit<OrderRow, 'id' | 'createdAt' | 'updatedAt' | 'rejectReason' | 'triggeredAt' | 'replacedBy' | 'replaces'>;

/** The order row to insert and, for one that takes the market, its fill. */
export interface OrderWrite {
  order: OrderValues;
  fill: Fill | null;
}

export type Outcome =
  | { kind: 'write'; write: OrderWrite }
  | { kind: 'failed'; error: unknown }
  /** The clientOrderId names an order committed before this batch. */
  | { kind: 'repeat' }
  /** The clientOrderId was planned by the placement at `first` in this batch. */
  | { kind: 'repeat-in-batch'; first: number };

export interface BatchPlan {
  /** One per placement, in the same order. */
  outcomes: Outcome[];
  /** Users whose cash changed, with their final state in `accounts`. */
  cashChanged: Set<number>;
  /** Positions that changed, as [userId, symbol], final state in `accounts`. */
  positionsChanged: Map<string, [userId: number, symbol: string]>;
  accounts: Map<number, LockedAccount>;
}

export interface BatchInput {
  placements: readonly Placement[];
  /** The locked accounts by user id (mutated to their state after the batch). */
  accounts: Map<number, LockedAccount>;
  /** keyOf(userId, clientOrderId) of orders that existed before the batch. */
  existing: ReadonlySet<string>;
  /** Of the placements' signing API keys, those still live (a placement whose key is not is refused). */
  liveApiKeys: ReadonlySet<string>;
  /** The live market per symbol, or why there is none (NO_PRICE). */
  markets: ReadonlyMap<string, MarketSnapshot | Error>;
  config: TradingConfig;
}

/** Plans one placement on its account, updating the account; throws the rule that refuses it (also the replace-order step's plan). */
export function planPlacement(p: Placement, account: LockedAccount, market: MarketSnapshot, config: TradingConfig): { write: OrderWrite; cash: boolean; position: boolean } {
  const { intent, info } = p;
  const position = account.positions.get(p.body.symbol) ?? EMPTY_POSITION;
  const plan = planOrder({ intent, rules: symbolRules(info), market, account: account.cash, position, config });
  const base = {
    userId: p.userId,
    clientOrderId: p.clientOrderId,
    symbol: p.body.symbol,
    side: p.side,
    type: intent.type,
    quoteAmount: intent.quoteAmount?.toFixed() ?? null,
    price: intent.price?.toFixed() ?? null,
    stopPrice: intent.stopPrice?.toFixed() ?? null,
    timeInForce: intent.timeInForce ?? null,
    run: account.run,
  };
  if (plan.kind === 'expire') {
    const order: OrderValues = {
      ...base,
      status: 'EXPIRED',
      quantity: plan.checked.quantity.toFixed(),
      filledQuantity: '0',
      avgFillPrice: null,
      fee: '0',
      reservedAmount: '0',
      reservedAsset: null,
    };
    return { write: { order, fill: null }, cash: false, position: false };
  }
  if (plan.kind === 'fill') {
    const { fill } = plan.plan;
    account.cash = plan.plan.account;
    account.positions.set(p.body.symbol, plan.plan.position);
    const order: OrderValues = {
      ...base,
      status: 'FILLED',
      quantity: fill.quantity.toFixed(),
      filledQuantity: fill.quantity.toFixed(),
      avgFillPrice: fill.price.toFixed(),
      fee: fill.fee.toFixed(),
      reservedAmount: '0',
      reservedAsset: null,
    };
    return { write: { order, fill }, cash: true, position: true };
  }
  const quote = plan.reservation.asset === 'QUOTE';
  account.cash = plan.account;
  account.positions.set(p.body.symbol, plan.position);
  const order: OrderValues = {
    ...base,
    status: 'NEW',
    quantity: plan.checked.quantity.toFixed(),
    filledQuantity: '0',
    avgFillPrice: null,
    fee: '0',
    reservedAmount: plan.reservation.amount.toFixed(),
    reservedAsset: quote ? info.quoteAsset : info.baseAsset,
  };
  return { write: { order, fill: null }, cash: quote, position: !quote };
}

export function planBatch({ placements, accounts, existing, liveApiKeys, markets, config }: BatchInput): BatchPlan {
  const outcomes: Outcome[] = [];
  const cashChanged = new Set<number>();
  const positionsChanged = new Map<string, [number, string]>();
  const plannedKeys = new Map<string, number>();
  placements.forEach((p, index) => {
    if (p.apiKeyId !== undefined && !liveApiKeys.has(p.apiKeyId)) return outcomes.push({ kind: 'failed', error: apiKeyRevoked() });
    const key = keyOf(p.userId, p.clientOrderId);
    if (p.clientSent && existing.has(key)) return outcomes.push({ kind: 'repeat' });
    const first = plannedKeys.get(key);
    if (first !== undefined) return outcomes.push({ kind: 'repeat-in-batch', first });
    const account = accounts.get(p.userId);
    const market = markets.get(p.body.symbol);
    try {
      if (!account) throw accountGone();
      if (!market) throw new Error(`no market was read for ${p.body.symbol}`);
      if (market instanceof Error) throw market;
      const planned = planPlacement(p, account, market, config);
      if (planned.cash) cashChanged.add(p.userId);
      if (planned.position) positionsChanged.set(keyOf(p.userId, p.body.symbol), [p.userId, p.body.symbol]);
      plannedKeys.set(key, index);
      return outcomes.push({ kind: 'write', write: planned.write });
    } catch (error) {
      return outcomes.push({ kind: 'failed', error });
    }
  });
  return { outcomes, cashChanged, positionsChanged, accounts };
}
