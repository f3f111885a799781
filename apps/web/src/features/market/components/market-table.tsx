import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import type { PriceRow } from '@cryptosim/contracts';
import { useFormat, useT } from '@/lib/i18n';
import { useSymbolRules } from '@/lib/market';
import { ChangeText } from './change-text';
import { Sparkline } from './sparkline';

const wideOnly = { display: { xs: 'none', sm: 'table-cell' } };
const numeric = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

interface MarketTableProps {
  rows: readonly PriceRow[] | undefined;
  loading: boolean;
  error: boolean;
}

/** One row per symbol; the rows come from the live ['prices'] cache entry. */
export function MarketTable({ rows, loading, error }: MarketTableProps) {
  const t = useT();
  const format = useFormat();
  const rulesOf = useSymbolRules();
  if (error && !rows) return <Alert severity="warning">{t('market.error')}</Alert>;
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label={t('market.caption')}>
        <TableHead>
          <TableRow>
            <TableCell scope="col">{t('market.column.symbol')}</TableCell>
            <TableCell scope="col" align="right">{t('market.column.price')}</TableCell>
            <TableCell scope="col" align="right">{t('market.column.change')}</TableCell>
            <TableCell scope="col" align="right" sx={wideOnly}>{t('market.column.volume')}</TableCell>
            <TableCell scope="col" align="right" sx={{ ...wideOnly, display: { xs: 'none', md: 'table-cell' } }}>{t('market.column.trend')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {loading && !rows ? (
            <TableRow>
              <TableCell colSpan={5} aria-busy>
                <Skeleton role="status" aria-label={t('market.loading')} />
              </TableCell>
            </TableRow>
          ) : null}
          {rows?.length === 0 ? (
            <TableRow>
              <TableCell colSpan={5}>{t('market.empty')}</TableCell>
            </TableRow>
          ) : null}
          {rows?.map((row) => (
            <TableRow key={row.symbol} hover data-symbol={row.symbol}>
              <TableCell component="th" scope="row">
                <Link component={RouterLink} to={`/trade/${row.symbol}`} aria-label={t('market.tradeSymbol', { symbol: row.symbol })} sx={{ fontWeight: 600 }}>
                  {row.symbol}
                </Link>
              </TableCell>
              <TableCell align="right" sx={{ ...numeric, color: row.stale ? 'text.disabled' : undefined }}>
                {row.stale ? (
                  <Tooltip title={t('market.stale')}>
                    <span aria-label={`${format.price(row.price, rulesOf(row.symbol)?.tickSize)} · ${t('market.stale')}`}>{format.price(row.price, rulesOf(row.symbol)?.tickSize)}</span>
                  </Tooltip>
                ) : (
                  format.price(row.price, rulesOf(row.symbol)?.tickSize)
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
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
