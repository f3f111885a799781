import type { PriceRow } from '@cryptosim/contracts';
import type { MarketSort, MarketSortKey } from '../rules/sort-markets';

/** What the desktop table and the phone cards both draw: the rows already searched, filtered and sorted. */
export interface MarketViewProps {
  rows: readonly PriceRow[];
  loading: boolean;
  /** Shown instead of rows (no match, empty watchlist, signed out); undefined when there are rows. */
  emptyText: string | undefined;
  sort: MarketSort | null;
  onSort: (key: MarketSortKey) => void;
  starred: ReadonlySet<string>;
  /** Undefined while signed out: no stars are shown. */
  onToggleStar: ((symbol: string, starred: boolean) => void) | undefined;
}
