import Decimal from 'decimal.js';
import { isStopLoss, needsStopPrice, type OrderDraft } from '../rules/order-draft';
import type { OrderIssue } from '../rules/order-issue';

/**
 * A stop or take-profit (market or limit form) whose trigger the live price has already reached would fill at once
 * at market, far from the level typed; the server refuses it (WOULD_TRIGGER_IMMEDIATELY), so
 * the ticket says so while typing. Sell stop-loss and buy take-profit wait for a fall, buy
 * stop-loss and sell take-profit for a rise.
 */
export function stopSideIssue(draft: OrderDraft, marketPrice: string | undefined): OrderIssue | undefined {
  if (!needsStopPrice(draft.type)) return undefined;
  if (!marketPrice || !/^\s*\d+(\.\d+)?\s*$/.test(draft.stopPrice)) return undefined;
  const stop = new Decimal(draft.stopPrice.trim());
  if (stop.isZero()) return undefined;
  const waitsForFall = isStopLoss(draft.type) === (draft.side === 'SELL');
  const reached = waitsForFall ? stop.gte(marketPrice) : stop.lte(marketPrice);
  if (!reached) return undefined;
  return {
    key: waitsForFall ? 'ticket.error.stopMustBeBelow' : 'ticket.error.stopMustBeAbove',
    params: { price: { price: marketPrice } },
  };
}
