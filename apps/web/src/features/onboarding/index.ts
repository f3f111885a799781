export { FirstTradeGuide, FIRST_TRADE_USDT, type FirstTradeGuideProps } from './components/first-trade-guide';
