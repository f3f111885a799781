export { ChangeText } from './components/change-text';
export { LiveStatus } from './components/live-status';
export { MarketList } from './components/market-list';
export { MarketSwitcher } from './components/market-switcher';
export { SourceBadge } from './components/source-badge';
export { Sparkline } from './components/sparkline';
export { TopMovers, pickMovers } from './components/top-movers';
export { TickerHeader } from './components/ticker-header';
