export { OrderTicket, type OrderTicketProps } from './components/order-ticket';
export { OrderBook } from './components/order-book';
export { OpenOrders } from './components/open-orders';
export { SymbolTrades } from './components/symbol-trades';
export { MarketTrades } from './components/market-trades';
export { useOrderEvents } from './hooks/use-order-events';
export { draftChanged, orderDraftsReducer } from './store/order-draft-slice';
export type { OrderDraft } from './rules/order-draft';
