export { tradingKeys } from './query-keys';
export { useOpenOrders } from './get-open-orders';
export { HISTORY_PAGE_SIZE, useTradeHistory, type HistoryFilter } from './get-trade-history';
