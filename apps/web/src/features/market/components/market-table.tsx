import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Tooltip from '@mui/material/Tooltip';
import type { PriceRow } from '@cryptosim/contracts';
import { VisuallyHidden } from '@/components/visually-hidden';
import { useFormat, useT, type MessageKey } from '@/lib/i18n';
import { useSymbolRules } from '@/lib/market';
import type { MarketSort, MarketSortKey } from '../rules/sort-markets';
import { ChangeText } from './change-text';
import { CoinLabel } from './coin-label';
import { Sparkline } from './sparkline';
import { StarButton } from './star-button';
import type { MarketViewProps } from './market-view-props';

const wideOnly = { display: { xs: 'none', sm: 'table-cell' } };
const numeric = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

const COLUMNS: Array<{ key: MarketSortKey; label: MessageKey; numeric: boolean }> = [
  { key: 'symbol', label: 'market.column.symbol', numeric: false },
  { key: 'price', label: 'market.column.price', numeric: true },
  { key: 'change', label: 'market.column.change', numeric: true },
  { key: 'volume', label: 'market.column.volume', numeric: true },
];

function SortHeader({ column, sort, onSort }: { column: (typeof COLUMNS)[number]; sort: MarketSort | null; onSort: (key: MarketSortKey) => void }) {
  const t = useT();
  const active = sort?.key === column.key;
  return (
    // MUI writes aria-sort="ascending|descending" on the sorted column's header.
    <TableCell scope="col" align={column.numeric ? 'right' : 'left'} sortDirection={active ? sort.direction : false} sx={column.key === 'volume' ? wideOnly : undefined}>
      <TableSortLabel active={active} direction={active ? sort.direction : column.numeric ? 'desc' : 'asc'} onClick={() => onSort(column.key)}>
        {t(column.label)}
      </TableSortLabel>
    </TableCell>
  );
}

/** The desktop markets table: sortable headers, a star per row when signed in, the 24 h sparkline on wide screens. */
export function MarketTable({ rows, loading, emptyText, sort, onSort, starred, onToggleStar }: MarketViewProps) {
  const t = useT();
  const format = useFormat();
  const rulesOf = useSymbolRules();
  const columns = 5 + (onToggleStar ? 1 : 0);
  return (
    <Table size="small" aria-label={t('market.caption')}>
      <TableHead>
        <TableRow>
          {onToggleStar ? <TableCell scope="col" padding="checkbox"><VisuallyHidden>{t('markets.tab.watchlist')}</VisuallyHidden></TableCell> : null}
          {COLUMNS.map((column) => (
            <SortHeader key={column.key} column={column} sort={sort} onSort={onSort} />
          ))}
          <TableCell scope="col" align="right" sx={{ display: { xs: 'none', md: 'table-cell' } }}>{t('market.column.trend')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {loading ? (
          <TableRow>
            <TableCell colSpan={columns} aria-busy>
              <Skeleton role="status" aria-label={t('market.loading')} />
            </TableCell>
          </TableRow>
        ) : null}
        {emptyText ? (
          <TableRow>
            <TableCell colSpan={columns}>{emptyText}</TableCell>
          </TableRow>
        ) : null}
        {rows.map((row: PriceRow) => {
          const price = format.price(row.price, rulesOf(row.symbol)?.tickSize);
          return (
            <TableRow key={row.symbol} hover data-symbol={row.symbol}>
              {onToggleStar ? (
                <TableCell padding="checkbox">
                  <StarButton symbol={row.symbol} starred={starred.has(row.symbol)} onToggle={onToggleStar} />
                </TableCell>
              ) : null}
              <TableCell component="th" scope="row">
                <CoinLabel symbol={row.symbol} />
              </TableCell>
              <TableCell align="right" sx={{ ...numeric, color: row.stale ? 'text.disabled' : undefined }}>
                {row.stale ? (
                  <Tooltip title={t('market.stale')}>
                    <span aria-label={`${price} · ${t('market.stale')}`}>{price}</span>
                  </Tooltip>
                ) : (
                  price
                )}
              </TableCell>
              <TableCell align="right">
                <ChangeText percent={row.changePercent24h} />
              </TableCell>
              <TableCell align="right" sx={{ ...numeric, ...wideOnly }}>
                {format.compact(row.volume24h)}
              </TableCell>
              <TableCell align="right" sx={{ display: { xs: 'none', md: 'table-cell' }, py: 0.5 }}>
                <Sparkline symbol={row.symbol} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
