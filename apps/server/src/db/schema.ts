/**
 * The one Drizzle schema for PGlite and PostgreSQL. drizzle-kit reads the area files to
 * generate `apps/server/drizzle/`; the app imports this barrel (`Schema = typeof schema`).
 *
 * Conventions every use case relies on:
 * - Decimals are NUMERIC(36,18) and arrive as strings; compute with decimal.js and round
 *   deliberately to 18 places (or an exchange step) before writing.
 * - `users.balance` and `positions.quantity` are totals; what is free is total - reserved.
 *   CHECK constraints keep reserved within total and neither negative, so a guarded update
 *   that would overspend fails (SQLSTATE 23514) instead of committing.
 * - `run` is the account run a row belongs to; a reset increments `users.run`, and history
 *   rows keep the run they were written in.
 * - Constraint names are stable API for error mapping (db/pg-error.ts): users_username_key,
 *   users_email_key (both case-insensitive), orders_user_client_order_id_key, ...
 * - Inside `db.transaction(tx => ...)` use `tx` only: PGlite has one connection, and a query
 *   on the outer `db` waits for the transaction to end, which waits for the query.
 */
export * from './schema/users.js';
export * from './schema/market.js';
export * from './schema/trading.js';
export * from './schema/ai.js';
export * from './schema/jobs.js';
export * from './schema/api-keys.js';
export * from './schema/watchlist.js';
export * from './schema/chart-layouts.js';
export * from './schema/alerts.js';
