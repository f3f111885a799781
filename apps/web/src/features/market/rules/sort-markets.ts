import Decimal from 'decimal.js';
import type { PriceRow } from '@cryptosim/contracts';

export type MarketSortKey = 'symbol' | 'price' | 'change' | 'volume';
export type SortDirection = 'asc' | 'desc';
export interface MarketSort {
  key: MarketSortKey;
  direction: SortDirection;
}

const numericField = { price: 'price', change: 'changePercent24h', volume: 'volume24h' } as const;

/** Decimal strings compared exactly; anything unparsable sorts as the lowest. */
function compareDecimal(a: string, b: string): number {
  const [x, y] = [safe(a), safe(b)];
  if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? -1 : 1;
  return x.comparedTo(y);
}

function safe(value: string): Decimal | undefined {
  try {
    return new Decimal(value);
  } catch {
    return undefined;
  }
}

/**
 * The rows in the chosen order (a new array); ties keep the server's order, so rows do not
 * jump around between equal values as ticks arrive. No sort: the server's order.
 */
export function sortMarkets<R extends PriceRow>(rows: readonly R[], sort: MarketSort | null): R[] {
  if (!sort) return [...rows];
  const sign = sort.direction === 'asc' ? 1 : -1;
  const compare = (a: R, b: R) =>
    sort.key === 'symbol' ? a.symbol.localeCompare(b.symbol, 'en') : compareDecimal(a[numericField[sort.key]], b[numericField[sort.key]]);
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * compare(a.row, b.row) || a.index - b.index)
    .map(({ row }) => row);
}

/**
 * The next sort after a click on a column's header: a new column starts ascending for the symbol
 * and descending for numbers (the biggest first, as exchanges show them); the same column flips.
 */
export function nextSort(current: MarketSort | null, key: MarketSortKey): MarketSort {
  if (current?.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'symbol' ? 'asc' : 'desc' };
}
