import { hasLimitPrice, hasStopPrice, takesTimeInForce, type OrderSide, type OrderType, type TimeInForce } from '@cryptosim/contracts';

/** What the amount field holds: a base-asset quantity, or (MARKET buys only) USDT to spend. */
export type AmountUnit = 'BASE' | 'QUOTE';

/** The order ticket's inputs as typed: strings, so "0.10" stays "0.10" until it is sent. */
export interface OrderDraft {
  side: OrderSide;
  type: OrderType;
  unit: AmountUnit;
  amount: string;
  price: string;
  stopPrice: string;
  /** Sent with LIMIT and the stop-limits only (takesTimeInForce). */
  timeInForce: TimeInForce;
}

export const EMPTY_DRAFT: OrderDraft = { side: 'BUY', type: 'MARKET', unit: 'BASE', amount: '', price: '', stopPrice: '', timeInForce: 'GTC' };

/** The exchange takes quoteAmount on MARKET buys only (docs/API.md). */
export const quoteAllowed = (draft: Pick<OrderDraft, 'side' | 'type'>) => draft.side === 'BUY' && draft.type === 'MARKET';

/** The unit actually in force: a QUOTE choice falls back to BASE where quoteAmount is refused. */
export const effectiveUnit = (draft: OrderDraft): AmountUnit => (quoteAllowed(draft) ? draft.unit : 'BASE');

/** LIMIT, LIMIT_MAKER and the stop-limits have a limit price. */
export const needsPrice = (type: OrderType) => hasLimitPrice(type);
/** The stops and stop-limits have a trigger price. */
export const needsStopPrice = (type: OrderType) => hasStopPrice(type);
/** LIMIT and the stop-limits take a time in force. */
export const needsTimeInForce = (type: OrderType) => takesTimeInForce(type);
/** The stop-loss forms (market or limit): a sell waits for a fall, a buy for a rise. */
export const isStopLoss = (type: OrderType) => type === 'STOP_LOSS' || type === 'STOP_LOSS_LIMIT';
