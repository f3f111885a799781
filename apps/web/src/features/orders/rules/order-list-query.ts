import type { OrderSide, OrderStatusFilter } from '@cryptosim/contracts';

/** What the order history is filtered by; every filter is the API's, so paging stays exact. */
export interface OrderListFilter {
  symbol?: string | undefined;
  side?: OrderSide | undefined;
  status?: OrderStatusFilter | undefined;
  /** Calendar days in the user's time zone (the date inputs' YYYY-MM-DD), both included. */
  fromDay?: string | undefined;
  toDay?: string | undefined;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight starting the day, as an ISO instant; undefined for an empty or malformed day. */
export function startOfDay(day: string | undefined, plusDays = 0): string | undefined {
  const match = day ? DAY.exec(day) : null;
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * The query of GET /api/trading/orders (and orders.csv) for a filter: the days become the
 * API's created-at bounds, from the first day's local midnight up to (not including) the
 * midnight after the last day.
 */
export function orderListQuery(filter: OrderListFilter, extra: Record<string, string> = {}): URLSearchParams {
  const query = new URLSearchParams();
  query.set('status', filter.status ?? 'all');
  if (filter.symbol) query.set('symbol', filter.symbol);
  if (filter.side) query.set('side', filter.side);
  const from = startOfDay(filter.fromDay);
  const to = startOfDay(filter.toDay, 1);
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return query;
}
