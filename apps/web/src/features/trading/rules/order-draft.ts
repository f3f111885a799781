import type { OrderSide, OrderType } from '@cryptosim/contracts';

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
}

export const EMPTY_DRAFT: OrderDraft = { side: 'BUY', type: 'MARKET', unit: 'BASE', amount: '', price: '', stopPrice: '' };

/** The exchange takes quoteAmount on MARKET buys only (docs/API.md). */
export const quoteAllowed = (draft: Pick<OrderDraft, 'side' | 'type'>) => draft.side === 'BUY' && draft.type === 'MARKET';

/** The unit actually in force: a QUOTE choice falls back to BASE where quoteAmount is refused. */
export const effectiveUnit = (draft: OrderDraft): AmountUnit => (quoteAllowed(draft) ? draft.unit : 'BASE');

export const needsPrice = (type: OrderType) => type === 'LIMIT';
export const needsStopPrice = (type: OrderType) => type === 'STOP_LOSS' || type === 'TAKE_PROFIT';
