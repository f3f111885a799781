import { Decimal, feeFor, floorToStep, parseAmount } from './decimal-math';
import { effectiveUnit, needsPrice, needsStopPrice, type OrderDraft } from './order-draft';
import type { OrderContext } from './check-order';

export const PERCENTAGES = [25, 50, 75, 100] as const;

const CENT = new Decimal('0.01');

/** The price a base-asset amount is sized at: the draft's limit or trigger, else the live price. */
function sizingPrice(draft: OrderDraft, ctx: OrderContext): Decimal | null {
  const text = needsPrice(draft.type) ? draft.price : needsStopPrice(draft.type) ? draft.stopPrice : ctx.marketPrice ?? '';
  const price = parseAmount(text);
  return price && !price.isZero() ? price : null;
}

/**
 * The amount that uses `percent` of what is available: for buys, cash including the fee on
 * top (so 100 % never overdraws); for sells, the free coin. Floored to the lot step (or to the
 * cent for a USDT amount). Null when there is no price to size a coin amount at.
 */
export function percentOfAvailable(draft: OrderDraft, ctx: OrderContext, percent: number): string | null {
  const share = new Decimal(percent).div(100);
  const step = new Decimal(ctx.rules.stepSize);
  if (draft.side === 'SELL') return floorToStep(new Decimal(ctx.coin).times(share), step).toFixed();

  const rate = new Decimal(ctx.feeRate);
  const budget = new Decimal(ctx.cash).times(share).div(rate.plus(1));
  if (effectiveUnit(draft) === 'QUOTE') return floorToStep(budget, CENT).toFixed();

  const price = sizingPrice(draft, ctx);
  if (!price) return null;
  let quantity = floorToStep(budget.div(price), step);
  // The fee is rounded up to 8 decimals, which can tip an exact fit over the cash by a hair.
  const cost = (q: Decimal) => q.times(price).plus(feeFor(q.times(price), rate));
  if (!step.isZero() && quantity.gt(0) && cost(quantity).gt(ctx.cash)) quantity = quantity.minus(step);
  return quantity.toFixed();
}
