import { buyCost, buyTerms } from './buy-reservation';
import { Dec, floorToStep, parseAmount } from '@cryptosim/trading-rules';
import { effectiveUnit, needsPrice, needsStopPrice, type OrderDraft } from './order-draft';
import type { OrderContext } from './check-order';

export const PERCENTAGES = [25, 50, 75, 100] as const;

const CENT = new Dec('0.01');

/** The draft's limit or trigger price, else the live price (as checkOrder measures it). */
function draftPrice(draft: OrderDraft, ctx: OrderContext): Dec | null {
  const text = needsPrice(draft.type) ? draft.price : needsStopPrice(draft.type) ? draft.stopPrice : ctx.marketPrice ?? '';
  const price = parseAmount(text);
  return price && !price.isZero() ? price : null;
}

/**
 * The amount that uses `percent` of what is available: for buys, the cash the order will
 * spend or, if it rests, hold (buyTerms: the fee at the larger rate, a stop's slippage
 * allowance), so 100 % never asks for more than the server would grant; for sells, the free
 * coin. Floored to the lot step (or to the cent for a USDT amount). Null when there is no
 * price to size a coin amount at.
 */
export function percentOfAvailable(draft: OrderDraft, ctx: OrderContext, percent: number): string | null {
  const share = new Dec(percent).div(100);
  const step = new Dec(ctx.rules.stepSize);
  if (draft.side === 'SELL') return floorToStep(new Dec(ctx.coin).times(share), step).toFixed();

  const cash = new Dec(ctx.cash).times(share);
  // quoteAmount is accepted on MARKET buys only, which take the market: the taker fee on top.
  if (effectiveUnit(draft) === 'QUOTE') return floorToStep(cash.div(new Dec(ctx.rates.takerFeeRate).plus(1)), CENT).toFixed();

  const price = draftPrice(draft, ctx);
  if (!price) return null;
  const terms = buyTerms(draft.type, price, { marketPrice: ctx.marketPrice, tickSize: ctx.rules.tickSize, rates: ctx.rates });
  let quantity = floorToStep(cash.div(terms.price.times(terms.feeRate.plus(1))), step);
  // The fee is rounded up to 8 decimals, which can tip an exact fit over the cash by a hair.
  while (!step.isZero() && quantity.gt(0) && buyCost(quantity, terms).gt(cash)) quantity = quantity.minus(step);
  return quantity.toFixed();
}
