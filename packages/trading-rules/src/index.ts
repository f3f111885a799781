export * from './decimal.js';
export * from './exchange-filters.js';
export * from './fees.js';
export * from './reservation.js';
export * from './trigger.js';
