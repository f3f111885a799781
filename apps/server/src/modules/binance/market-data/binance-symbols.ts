/**
 * exchangeInfo's symbol entries: our symbols with the filters the engine really applies
 * (PRICE_FILTER tick, LOT_SIZE / MARKET_LOT_SIZE step and minimum, NOTIONAL minimum), in
 * Binance's field names and types. The engine has no maximum price or quantity but what its
 * NUMERIC(36,18) columns hold, so that is the maximum it lists.
 */
import type { SymbolInfo } from '@cryptosim/contracts';
import { bdec, MAX_STORED } from '../binance-decimal.js';
import { SUPPORTED_ORDER_TYPES } from '../orders/order-type-map.js';

export function binanceSymbol(info: SymbolInfo) {
  const lot = { minQty: bdec(info.minQty), maxQty: bdec(MAX_STORED), stepSize: bdec(info.stepSize) };
  return {
    symbol: info.symbol,
    status: info.status,
    baseAsset: info.baseAsset,
    baseAssetPrecision: 8,
    quoteAsset: info.quoteAsset,
    quotePrecision: 8,
    quoteAssetPrecision: 8,
    baseCommissionPrecision: 8,
    quoteCommissionPrecision: 8,
    orderTypes: [...SUPPORTED_ORDER_TYPES],
    icebergAllowed: false,
    ocoAllowed: false,
    otoAllowed: false,
    quoteOrderQtyMarketAllowed: true,
    allowTrailingStop: false,
    cancelReplaceAllowed: false,
    amendAllowed: false,
    isSpotTradingAllowed: true,
    isMarginTradingAllowed: false,
    filters: [
      { filterType: 'PRICE_FILTER', minPrice: bdec(info.tickSize), maxPrice: bdec(MAX_STORED), tickSize: bdec(info.tickSize) },
      { filterType: 'LOT_SIZE', ...lot },
      { filterType: 'MARKET_LOT_SIZE', ...lot },
      // The engine checks the minimum on market orders too, at their execution price.
      { filterType: 'NOTIONAL', minNotional: bdec(info.minNotional), applyMinToMarket: true, maxNotional: bdec(MAX_STORED), applyMaxToMarket: false, avgPriceMins: 0 },
    ],
    permissions: [] as string[],
    permissionSets: [['SPOT']],
    defaultSelfTradePreventionMode: 'NONE',
    allowedSelfTradePreventionModes: ['NONE'],
  };
}
