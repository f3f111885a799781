export * from './decimal.js';
export * from './errors.js';
export * from './health.js';
export * from './market.js';
export * from './market-events.js';
export * from './trading.js';
export * from './portfolio.js';
