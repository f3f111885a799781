/**
 * Test support for the rules' users (`@cryptosim/trading-rules/testing`): exchange fixtures and
 * an exact-product oracle. Resolved only under the `source` condition (vitest, tsc's types), so
 * nothing of it is built into dist or reachable from the production server.
 */
export * from './exact-product.js';
export * from './fixtures.js';
