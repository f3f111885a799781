export { sma, type Series } from './sma';
export { ema } from './ema';
export { bollinger, type BollingerBands } from './bollinger';
export { rsi } from './rsi';
