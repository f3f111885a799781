/**
 * Orders, positions (the seed's `portfolios`), fills (the seed's `transactions`) and equity.
 * Every row carries the account `run` it belongs to, so a reset keeps earlier history apart.
 */
import { type OrderStatus, OrderSides, OrderStatuses, OrderTypes, TimeInForces } from '@cryptosim/contracts';
import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, integer, pgTable, serial, timestamp, unique, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { createdAt, decimal, sqlList, updatedAt } from './columns.js';
import { users } from './users.js';

/** Statuses in which an order still holds a reservation and may fill. */
export const OPEN_ORDER_STATUSES = ['NEW', 'PARTIALLY_FILLED'] as const satisfies readonly OrderStatus[];

const userRef = () =>
  integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

export const orders = pgTable(
  'orders',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: userRef(),
    /** Caller's idempotency key; the server generates one when the client sends none. */
    clientOrderId: varchar('client_order_id', { length: 64 }).notNull(),
    symbol: varchar('symbol', { length: 20 }).notNull(),
    side: varchar('side', { length: 4, enum: OrderSides }).notNull(),
    type: varchar('type', { length: 20, enum: OrderTypes }).notNull(),
    status: varchar('status', { length: 16, enum: OrderStatuses }).notNull().default('NEW'),
    /** Base quantity; null only for a MARKET buy sized by `quote_amount`. */
    quantity: decimal('quantity'),
    quoteAmount: decimal('quote_amount'),
    price: decimal('price'),
    stopPrice: decimal('stop_price'),
    /** GTC, IOC or FOK on LIMIT and the stop-limits, GTC on LIMIT_MAKER; null on the others. */
    timeInForce: varchar('time_in_force', { length: 3, enum: TimeInForces }),
    /** When a STOP_LOSS_LIMIT / TAKE_PROFIT_LIMIT's stop was reached and it began resting as a limit. */
    triggeredAt: timestamp('triggered_at', { withTimezone: true }),
    filledQuantity: decimal('filled_quantity').notNull().default('0'),
    avgFillPrice: decimal('avg_fill_price'),
    fee: decimal('fee').notNull().default('0'),
    /** What is still held for this order, in `reserved_asset` (USDT for buys, the base asset for sells). */
    reservedAmount: decimal('reserved_amount').notNull().default('0'),
    reservedAsset: varchar('reserved_asset', { length: 20 }),
    /** Machine code (e.g. INSUFFICIENT_BALANCE) when status is REJECTED. */
    rejectReason: varchar('reject_reason', { length: 64 }),
    run: integer('run').notNull(),
    /** Cancel-replace: the order that replaced this one (set as it is canceled), and the one this order replaced. */
    replacedBy: bigint('replaced_by', { mode: 'number' }),
    replaces: bigint('replaces', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('orders_user_client_order_id_key').on(t.userId, t.clientOrderId),
    index('orders_user_created_idx').on(t.userId, t.createdAt),
    // The matcher scans only open orders of one symbol; a partial index keeps that scan
    // small however many filled orders accumulate.
    index('orders_open_by_symbol_idx')
      .on(t.symbol, t.side, t.price)
      .where(sql.raw(`status in (${sqlList(OPEN_ORDER_STATUSES)})`)),
    check('orders_side_known', sql.raw(`side in (${sqlList(OrderSides)})`)),
    check('orders_type_known', sql.raw(`type in (${sqlList(OrderTypes)})`)),
    check('orders_status_known', sql.raw(`status in (${sqlList(OrderStatuses)})`)),
    check('orders_time_in_force_known', sql.raw(`time_in_force is null or time_in_force in (${sqlList(TimeInForces)})`)),
    check('orders_sized', sql`${t.quantity} is not null or ${t.quoteAmount} is not null`),
    check('orders_amounts_non_negative', sql`${t.filledQuantity} >= 0 and ${t.fee} >= 0 and ${t.reservedAmount} >= 0`),
  ],
);

/**
 * Names: the seed's tables keep their SQL names (the seed is the contract), but the
 * TypeScript side names what they hold: `positions` is the `portfolios` table (one row per
 * user and symbol held) and `fills` is the `transactions` table (one row per fill).
 */
export const positions = pgTable(
  'portfolios',
  {
    id: serial('id').primaryKey(),
    userId: userRef(),
    symbol: varchar('symbol', { length: 20 }).notNull(),
    /** Total held, including `reserved_quantity`; available = quantity - reserved_quantity. */
    quantity: decimal('quantity').notNull(),
    avgPrice: decimal('avg_price').notNull(),
    reservedQuantity: decimal('reserved_quantity').notNull().default('0'),
    realizedPnl: decimal('realized_pnl').notNull().default('0'),
    run: integer('run').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('portfolios_user_symbol_key').on(t.userId, t.symbol),
    // Guards against overselling even if a use case forgets a row lock.
    check('portfolios_quantity_non_negative', sql`${t.quantity} >= 0`),
    check('portfolios_reserved_within_quantity', sql`${t.reservedQuantity} >= 0 and ${t.reservedQuantity} <= ${t.quantity}`),
  ],
);

/** One fill of an order (SQL table `transactions`, the seed's name). */
export const fills = pgTable(
  'transactions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: userRef(),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    symbol: varchar('symbol', { length: 20 }).notNull(),
    type: varchar('type', { length: 4, enum: OrderSides }).notNull(),
    quantity: decimal('quantity').notNull(),
    price: decimal('price').notNull(),
    /** quantity × price in USDT, before the fee. */
    totalAmount: decimal('total_amount').notNull(),
    fee: decimal('fee').notNull().default('0'),
    /** Profit of a sell fill against the average price; null for buys. Feeds win rate. */
    realizedPnl: decimal('realized_pnl'),
    run: integer('run').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('transactions_user_created_idx').on(t.userId, t.createdAt),
    index('transactions_order_idx').on(t.orderId),
    check('transactions_type_known', sql.raw(`type in (${sqlList(OrderSides)})`)),
  ],
);

export const equitySnapshots = pgTable(
  'equity_snapshots',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: userRef(),
    run: integer('run').notNull(),
    time: timestamp('time', { withTimezone: true }).notNull(),
    /** Cash + positions at market, in USDT. */
    value: decimal('value').notNull(),
  },
  // Unique so a retried snapshot job inserts "on conflict do nothing" instead of a duplicate.
  (t) => [uniqueIndex('equity_snapshots_user_time_key').on(t.userId, t.time)],
);
