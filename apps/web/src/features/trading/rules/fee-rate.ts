import type { FeeRatesResponse } from '@cryptosim/contracts';
import { parseAmount } from './decimal-math';
import { DEFAULT_FEE_RATE, type OrderDraft } from './order-draft';

/** Until GET /api/trading/fees answers: the server's defaults (0.1 % either way, SLIPPAGE_CAP 5 %). */
export const DEFAULT_FEE_RATES: FeeRatesResponse = { makerFeeRate: DEFAULT_FEE_RATE, takerFeeRate: DEFAULT_FEE_RATE, stopSlippageCap: '0.05' };

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
  const crosses = draft.side === 'BUY' ? limit.gte(market) : limit.lte(market);
  return crosses ? rates.takerFeeRate : rates.makerFeeRate;
}
