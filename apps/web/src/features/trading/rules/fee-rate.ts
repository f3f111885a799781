import type { FeeRatesResponse } from '@cryptosim/contracts';
import { DEFAULT_FEE_RATES as SERVER_DEFAULT_FEE_RATES, isTriggered, parseAmount } from '@cryptosim/trading-rules';
import type { OrderDraft } from './order-draft';

/** Until GET /api/trading/fees answers: the server's defaults (SLIPPAGE_CAP 5 %). */
export const DEFAULT_FEE_RATES: FeeRatesResponse = {
  makerFeeRate: SERVER_DEFAULT_FEE_RATES.maker.toFixed(),
  takerFeeRate: SERVER_DEFAULT_FEE_RATES.taker.toFixed(),
  stopSlippageCap: '0.05',
};

/**
 * The rate the exchange will charge this draft (as the server's plan-order decides): a LIMIT
 * that does not cross the live price rests and fills later as maker; a market order, a
 * triggered stop and a limit that crosses at once all take the market.
 */
export function feeRateFor(draft: Pick<OrderDraft, 'side' | 'type' | 'price'>, marketPrice: string | undefined, rates: Pick<FeeRatesResponse, 'makerFeeRate' | 'takerFeeRate'>): string {
  if (draft.type !== 'LIMIT') return rates.takerFeeRate;
  const limit = parseAmount(draft.price);
  const market = marketPrice === undefined ? null : parseAmount(marketPrice);
  if (limit === null || market === null) return rates.makerFeeRate;
  const crosses = isTriggered({ side: draft.side, type: 'LIMIT', price: limit, stopPrice: null }, { previous: null, current: market });
  return crosses ? rates.takerFeeRate : rates.makerFeeRate;
}
