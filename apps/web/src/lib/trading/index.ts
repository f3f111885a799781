export { tradingKeys } from './query-keys';
export { HISTORY_PAGE_SIZE, useTradeHistory, type HistoryFilter } from './get-trade-history';
