/**
 * Our order and portfolio events in Binance's user-data payloads: `executionReport` (one per
 * execution: NEW, each TRADE, CANCELED, EXPIRED, REJECTED), `outboundAccountPosition`,
 * `balanceUpdate` and `listenKeyExpired`, with Binance's field letters and types (decimals as 8-place strings,
 * ids and times as numbers).
 *
 * An order event is the order after one committed step. The step's own fills are the order's
 * fills committed with it: their `createdAt` is the order's `updatedAt` (one transaction, one
 * `now()`). An order whose `createdAt` is its `updatedAt` was placed in that step, so its NEW
 * report comes first, as Binance sends it, even when the step also filled it.
 */
import type { Order, Portfolio, Transaction } from '@cryptosim/contracts';
import { Dec } from '@cryptosim/trading-rules';
import type { BalanceChange } from '../../portfolio/index.js';
import { bdec } from '../binance-decimal.js';

const ZERO = bdec('0');
const ms = (iso: string) => new Date(iso).getTime();
const or0 = (value: string | null) => (value === null ? ZERO : bdec(value));
const OPEN = new Set(['NEW', 'PARTIALLY_FILLED']);
const STOPS = new Set(['STOP_LOSS', 'TAKE_PROFIT', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT_LIMIT']);
const MAKER_TYPES = new Set(['LIMIT', 'LIMIT_MAKER']);

/** Execution ids: increasing within the process, unique enough for a client to deduplicate by. */
let executionSeq = Date.now() * 1000;

export interface ExecutionReport {
  e: 'executionReport';
  E: number;
  s: string;
  c: string;
  S: string;
  o: string;
  f: string;
  q: string;
  p: string;
  P: string;
  F: string;
  g: number;
  C: string;
  x: string;
  X: string;
  r: string;
  i: number;
  l: string;
  z: string;
  L: string;
  n: string;
  N: string | null;
  T: number;
  t: number;
  I: number;
  w: boolean;
  m: boolean;
  M: boolean;
  O: number;
  Z: string;
  Y: string;
  Q: string;
  W?: number;
  V: string;
}

/** The fills committed in the same step as this state of the order, oldest first. */
export function stepFills(order: Order, fills: Transaction[]): Transaction[] {
  const at = ms(order.updatedAt);
  return fills.filter((f) => f.orderId === order.id && ms(f.createdAt) === at).sort((a, b) => a.id - b.id);
}

/** Whether the order rests on the book (a stop only once triggered). */
function onBook(o: Order): boolean {
  if (!OPEN.has(o.status) || o.type === 'MARKET') return false;
  return !STOPS.has(o.type) || (o.triggeredAt !== null && o.type.endsWith('_LIMIT'));
}

/** The executionReports of one order event, in the order Binance sends them. */
export function executionReports(o: Order, fills: Transaction[], now = Date.now()): ExecutionReport[] {
  const created = ms(o.createdAt);
  const updated = ms(o.updatedAt);
  const step = stepFills(o, fills);
  const stepQty = step.reduce((sum, f) => sum.plus(f.quantity), new Dec(0));
  const stepQuote = step.reduce((sum, f) => sum.plus(f.totalAmount), new Dec(0));
  const filled = new Dec(o.filledQuantity);
  const quote = o.avgFillPrice === null ? new Dec(0) : filled.times(o.avgFillPrice);
  let cumQty = Dec.max(0, filled.minus(stepQty));
  let cumQuote = Dec.max(0, quote.minus(stepQuote));

  const base = {
    e: 'executionReport' as const,
    E: now,
    s: o.symbol,
    c: o.clientOrderId,
    S: o.side,
    o: o.type,
    f: o.timeInForce ?? 'GTC',
    q: or0(o.quantity),
    p: or0(o.price),
    P: or0(o.stopPrice),
    F: ZERO,
    g: -1,
    i: o.id,
    M: false,
    O: created,
    Q: or0(o.quoteAmount),
    V: 'NONE',
  };
  const report = (x: string, X: string, T: number, trade?: Transaction): ExecutionReport => ({
    ...base,
    C: x === 'CANCELED' ? o.clientOrderId : '',
    x,
    X,
    r: 'NONE',
    l: trade ? bdec(trade.quantity) : ZERO,
    z: bdec(cumQty),
    L: trade ? bdec(trade.price) : ZERO,
    n: trade ? bdec(trade.fee) : '0',
    N: trade ? 'USDT' : null,
    T,
    t: trade ? trade.id : -1,
    I: ++executionSeq,
    w: X === 'NEW' || X === 'PARTIALLY_FILLED' ? onBook({ ...o, status: X }) : false,
    // A limit order's trade after placement is the matcher filling it on the book: the maker side.
    m: trade !== undefined && MAKER_TYPES.has(o.type) && ms(trade.createdAt) !== created,
    Z: bdec(cumQuote),
    Y: trade ? bdec(trade.totalAmount) : ZERO,
    ...(o.type !== 'MARKET' ? { W: created } : {}),
  });

  const reports: ExecutionReport[] = [];
  if (created === updated && o.status !== 'NEW' && o.status !== 'REJECTED') reports.push(report('NEW', 'NEW', created));
  step.forEach((trade, k) => {
    cumQty = cumQty.plus(trade.quantity);
    cumQuote = cumQuote.plus(trade.totalAmount);
    const last = k === step.length - 1;
    reports.push(report('TRADE', last && o.status === 'FILLED' ? 'FILLED' : 'PARTIALLY_FILLED', ms(trade.createdAt), trade));
  });
  // The engine's totals are the truth; the fills only split them into executions.
  cumQty = filled;
  cumQuote = quote;
  if (o.status === 'NEW' || o.status === 'CANCELED' || o.status === 'EXPIRED' || o.status === 'REJECTED') reports.push(report(o.status, o.status, updated));
  else if (step.length === 0) reports.push(report('TRADE', o.status, updated));
  return reports;
}

export interface BaseAssetOf {
  (symbol: string): string | undefined;
}

/** `outboundAccountPosition`: USDT and each held coin, free and locked. */
export function accountPosition(p: Portfolio, baseAsset: BaseAssetOf, now = Date.now()) {
  return {
    e: 'outboundAccountPosition',
    E: now,
    u: now,
    B: [
      { a: 'USDT', f: bdec(p.cash), l: bdec(p.reserved) },
      ...p.positions.map((pos) => ({ a: baseAsset(pos.symbol) ?? pos.symbol, f: bdec(pos.available), l: bdec(new Dec(pos.quantity).minus(pos.available)) })),
    ],
  };
}

/**
 * `balanceUpdate`, one per asset whose balance moved outside trading (a reset: the coins held
 * go, USDT returns to the initial balance), as Binance sends for deposits and withdrawals.
 */
export function balanceUpdates(change: BalanceChange, baseAsset: BaseAssetOf, now = Date.now()) {
  const T = ms(change.at);
  const moves = [{ a: 'USDT', d: change.cashDelta }, ...change.positions.map((p) => ({ a: baseAsset(p.symbol) ?? p.symbol, d: p.delta }))];
  return moves.filter((m) => !new Dec(m.d).isZero()).map((m) => ({ e: 'balanceUpdate' as const, E: now, a: m.a, d: bdec(m.d), T }));
}

export function listenKeyExpired(listenKey: string, now = Date.now()) {
  return { e: 'listenKeyExpired', E: now, listenKey };
}
