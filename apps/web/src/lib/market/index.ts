export { marketKeys } from './query-keys';
export { pricesQueryOptions, usePrices } from './get-prices';
export { getHistory, historyQueryOptions, useHistory } from './get-history';
export { marketStatusQueryOptions, useMarketStatus } from './get-market-status';
export { symbolsQueryOptions, useSymbols } from './get-symbols';
export { INTERVAL_MS, bucketStart } from './interval-ms';
export { mergeKline, type KlineUpdate } from './merge-kline';
export { useSymbolRules } from './use-symbol-rules';
