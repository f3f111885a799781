/**
 * A dry run of POST /api/trading/buy|sell against an account snapshot: the same parsing, filters,
 * slippage and balance checks as a placement, so a draft (the assistant's) is refused for
 * exactly the reasons a placement would be. It writes nothing and reserves nothing.
 */
import type { PlaceOrderRequest } from '@cryptosim/contracts';
import { Dec, feeFor, symbolRules } from '@cryptosim/trading-rules';
import type { CachePort } from '../../ports/cache/cache-port.js';
import type { SymbolRegistry } from '../../ports/market/market-source.js';
import type { AccountSnapshot } from './account-changed.js';
import type { OrderSide } from './domain/order-model.js';
import { parseOrderRequest } from './domain/parse-order-request.js';
import { planOrder } from './domain/plan-order.js';
import type { TradingConfig } from './domain/trading-config.js';
import { knownSymbolInfo, liveMarket } from './live-market.js';

export interface OrderPreview {
  /** fill: it would fill on arrival; rest: it would wait for the market, holding `reserved`. */
  kind: 'fill' | 'rest';
  quantity: Dec;
  /** The execution price (fill) or the price the filters measured the notional at (rest). */
  price: Dec;
  notional: Dec;
  /** USDT fee of the fill; for a resting order, the taker fee at `price` (the most it pays). */
  fee: Dec;
}

export interface PreviewDeps {
  symbols: SymbolRegistry;
  cache: CachePort;
  config: TradingConfig;
}

/** Throws the AppError a placement would answer (VALIDATION_FAILED, LOT_SIZE, INSUFFICIENT_BALANCE, NO_PRICE, …). */
export async function previewOrder(deps: PreviewDeps, account: AccountSnapshot, side: OrderSide, body: PlaceOrderRequest): Promise<OrderPreview> {
  const info = knownSymbolInfo(deps.symbols, body.symbol);
  const intent = parseOrderRequest(side, body);
  const market = await liveMarket(deps.cache, body.symbol);
  const position = account.positions.get(body.symbol) ?? { quantity: new Dec(0), reservedQuantity: new Dec(0), avgPrice: new Dec(0), realizedPnl: new Dec(0) };
  const plan = planOrder({ intent, rules: symbolRules(info), market, account: account.cash, position, config: deps.config });
  if (plan.kind === 'fill') {
    const { quantity, price, notional, fee } = plan.plan.fill;
    return { kind: 'fill', quantity, price, notional, fee };
  }
  const { quantity, price, notional } = plan.checked;
  return { kind: 'rest', quantity, price, notional, fee: feeFor(notional, deps.config.fees.taker) };
}
