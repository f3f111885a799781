export { marketKeys } from './query-keys';
export { usePrices } from './get-prices';
export { getHistory, useHistory } from './get-history';
export { useDepth, DEPTH_POLL_MS } from './get-depth';
export { useMarketStatus } from './get-market-status';
export { useSymbols } from './get-symbols';
export { INTERVAL_MS, bucketStart } from './interval-ms';
export { mergeKline, type KlineUpdate } from './merge-kline';
export { useSymbolRules } from './use-symbol-rules';
