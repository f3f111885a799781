export { tradingKeys } from './query-keys';
export { useOpenOrders } from './get-open-orders';
export { HISTORY_PAGE_SIZE, useTradeHistory } from './get-trade-history';
