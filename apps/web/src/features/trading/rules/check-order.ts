import type { FeeRatesResponse, PlaceOrderRequest, SymbolInfo } from '@cryptosim/contracts';
import { buyCost, buyTerms } from './buy-reservation';
import {
  Dec,
  feeFor,
  isBelowMinNotional,
  isBelowMinQuantity,
  isOnStep,
  isMarketable,
  isOnTick,
  parseAmount,
  quantityForQuote,
  symbolRules,
  type SymbolRules,
} from '@cryptosim/trading-rules';
import { feeRateFor } from './fee-rate';
import { effectiveUnit, needsPrice, needsStopPrice, needsTimeInForce, type OrderDraft } from './order-draft';
import type { OrderIssue, OrderIssues } from './order-issue';

export interface OrderContext {
  rules: SymbolInfo;
  /** Live price; undefined until the first ticker arrives. */
  marketPrice: string | undefined;
  /** Free USDT (GET /api/portfolio `cash`). */
  cash: string;
  /** Free base asset (the position's `available`). */
  coin: string;
  /** GET /api/trading/fees: the rates and the slippage cap a resting stop buy reserves for. */
  rates: FeeRatesResponse;
}

export interface OrderPreview {
  quantity: string;
  /** The price the notional is measured at: limit, trigger or live price. */
  price: string;
  notional: string;
  /** At the rate the fill will be charged (feeRateFor). */
  fee: string;
  /** Buys: notional + fee to pay; sells: notional − fee to receive. */
  total: string;
  /** MARKET orders fill at the live price plus slippage, so the figures are estimates. */
  estimated: boolean;
}

export interface OrderCheck {
  issues: OrderIssues;
  preview: OrderPreview | null;
  /** The POST body, present only when no rule is broken. */
  request: PlaceOrderRequest | null;
}

const required: OrderIssue = { key: 'ticket.error.required' };
const positive: OrderIssue = { key: 'ticket.error.positive' };

function checkPrice(text: string, filters: SymbolRules): { value: Dec | null; issue?: OrderIssue } {
  if (text.trim() === '') return { value: null, issue: required };
  const value = parseAmount(text);
  if (!value || value.isZero()) return { value: null, issue: positive };
  if (!isOnTick(value, filters)) return { value: null, issue: { key: 'ticket.error.tick', params: { tick: { price: filters.tickSize.toFixed() } } } };
  return { value };
}

/**
 * The exchange's rules (PRICE_FILTER, LOT_SIZE, MIN_NOTIONAL) and the balance, checked the way
 * the server checks them, in exact decimals, so most refusals are explained before sending.
 */
export function checkOrder(draft: OrderDraft, ctx: OrderContext): OrderCheck {
  const { rules } = ctx;
  const filters = symbolRules(rules);
  const issues: OrderIssues = {};

  // The notional is measured at the limit price when there is one (stop-limits too), else the trigger, else the live price.
  let price: Dec | null = ctx.marketPrice ? new Dec(ctx.marketPrice) : null;
  if (needsStopPrice(draft.type)) {
    const checked = checkPrice(draft.stopPrice, filters);
    if (checked.issue) issues.stopPrice = checked.issue;
    price = checked.value;
  }
  if (needsPrice(draft.type)) {
    const checked = checkPrice(draft.price, filters);
    if (checked.issue) issues.price = checked.issue;
    price = checked.value;
  }
  const market = ctx.marketPrice === undefined ? null : parseAmount(ctx.marketPrice);
  if (draft.type === 'LIMIT_MAKER' && price && !issues.price && market && isMarketable(draft.side, price, market)) {
    // Post-only: the server refuses one that would take the market (WOULD_MATCH_IMMEDIATELY).
    issues.price = { key: draft.side === 'BUY' ? 'ticket.error.makerMustBeBelow' : 'ticket.error.makerMustBeAbove', params: { price: { price: ctx.marketPrice! } } };
  }

  const unit = effectiveUnit(draft);
  const amount = draft.amount.trim() === '' ? null : parseAmount(draft.amount);
  if (draft.amount.trim() === '') issues.amount = required;
  else if (!amount || amount.isZero()) issues.amount = positive;
  else if (unit === 'BASE' && !isOnStep(amount, filters)) {
    issues.amount = { key: 'ticket.error.step', params: { step: { quantity: filters.stepSize.toFixed() } } };
  }
  if (issues.amount || !amount || !price) return { issues, preview: null, request: null };

  const quantity = unit === 'QUOTE' ? quantityForQuote(amount, price, filters) : amount;
  const minQty = filters.minQty;
  if (isBelowMinQuantity(quantity, filters)) {
    issues.amount = unit === 'QUOTE'
      ? { key: 'ticket.error.quoteTooSmall', params: { minQty: { quantity: minQty.toFixed() }, asset: { text: rules.baseAsset } } }
      : { key: 'ticket.error.minQty', params: { minQty: { quantity: minQty.toFixed() }, asset: { text: rules.baseAsset } } };
  }
  const notional = quantity.times(price);
  if (!issues.amount && isBelowMinNotional(notional, filters)) {
    issues.amount = { key: 'ticket.error.minNotional', params: { minNotional: { money: rules.minNotional } } };
  }
  const fee = feeFor(notional, new Dec(feeRateFor(draft, ctx.marketPrice, ctx.rates)));
  const total = draft.side === 'BUY' ? notional.plus(fee) : notional.minus(fee);

  if (draft.side === 'BUY') {
    // A resting buy must fit what the server reserves for it, which can exceed the expected total.
    const terms = buyTerms(draft.type, price, { marketPrice: ctx.marketPrice, tickSize: rules.tickSize, rates: ctx.rates });
    const needed = buyCost(quantity, terms);
    if (needed.gt(ctx.cash)) {
      const key = terms.resting ? 'ticket.error.insufficientCashHeld' : 'ticket.error.insufficientCash';
      issues.balance = { key, params: { needed: { money: needed.toFixed() }, available: { money: ctx.cash } } };
    }
  } else if (quantity.gt(ctx.coin)) {
    issues.balance = {
      key: 'ticket.error.insufficientCoin',
      params: { available: { quantity: ctx.coin }, asset: { text: rules.baseAsset } },
    };
  }

  const preview: OrderPreview = {
    quantity: quantity.toFixed(),
    price: price.toFixed(),
    notional: notional.toFixed(),
    fee: fee.toFixed(),
    total: total.toFixed(),
    estimated: draft.type === 'MARKET',
  };
  const valid = Object.keys(issues).length === 0;
  return { issues, preview, request: valid ? toRequest(draft, rules.symbol, unit, amount) : null };
}

function toRequest(draft: OrderDraft, symbol: string, unit: 'BASE' | 'QUOTE', amount: Dec): PlaceOrderRequest {
  const body: PlaceOrderRequest = { symbol, type: draft.type };
  if (unit === 'QUOTE') body.quoteAmount = amount.toFixed();
  else body.quantity = amount.toFixed();
  if (needsPrice(draft.type)) body.price = new Dec(draft.price.trim()).toFixed();
  if (needsStopPrice(draft.type)) body.stopPrice = new Dec(draft.stopPrice.trim()).toFixed();
  if (needsTimeInForce(draft.type) && draft.timeInForce !== 'GTC') body.timeInForce = draft.timeInForce;
  return body;
}
