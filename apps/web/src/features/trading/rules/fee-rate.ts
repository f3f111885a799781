import type { FeeRatesResponse } from '@cryptosim/contracts';
import { DEFAULT_FEE_RATES as SERVER_DEFAULT_FEE_RATES, isMarketable, parseAmount } from '@cryptosim/trading-rules';
import type { OrderDraft } from './order-draft';

/** Until GET /api/trading/fees answers: the server's defaults (SLIPPAGE_CAP 5 %). */
export const DEFAULT_FEE_RATES: FeeRatesResponse = {
  makerFeeRate: SERVER_DEFAULT_FEE_RATES.maker.toFixed(),
  takerFeeRate: SERVER_DEFAULT_FEE_RATES.taker.toFixed(),
  stopSlippageCap: '0.05',
};

/**
 * The rate the exchange will charge this draft (as the server's plan-order and matcher decide):
 * a LIMIT that does not cross the live price rests and fills later as maker, and so does a
 * LIMIT_MAKER; a market order, a triggered stop and a limit that crosses at once all take the
 * market. A stop-limit is judged where it triggers, at its stop: a limit that crosses the stop
 * takes the market then (taker), one that does not rests (maker).
 */
export function feeRateFor(
  draft: Pick<OrderDraft, 'side' | 'type' | 'price'> & Partial<Pick<OrderDraft, 'stopPrice'>>,
  marketPrice: string | undefined,
  rates: Pick<FeeRatesResponse, 'makerFeeRate' | 'takerFeeRate'>,
): string {
  if (draft.type === 'LIMIT_MAKER') return rates.makerFeeRate;
  const stopLimit = draft.type === 'STOP_LOSS_LIMIT' || draft.type === 'TAKE_PROFIT_LIMIT';
  if (draft.type !== 'LIMIT' && !stopLimit) return rates.takerFeeRate;
  const limit = parseAmount(draft.price);
  const reference = stopLimit ? (draft.stopPrice ?? '') : marketPrice;
  const at = reference === undefined ? null : parseAmount(reference);
  if (limit === null || at === null) return rates.makerFeeRate;
  return isMarketable(draft.side, limit, at) ? rates.takerFeeRate : rates.makerFeeRate;
}
