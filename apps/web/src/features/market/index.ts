export { ChangeText } from './components/change-text';
export { LiveStatus } from './components/live-status';
export { MarketTable } from './components/market-table';
export { SourceBadge } from './components/source-badge';
export { Sparkline } from './components/sparkline';
export { TopMovers, pickMovers } from './components/top-movers';
export { SymbolPicker } from './components/symbol-picker';
export { TickerHeader } from './components/ticker-header';
