import { useId, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import type { PriceRow } from '@cryptosim/contracts';
import { ResultToast, type ToastMessage } from '@/components/result-toast';
import { ApiError } from '@/lib/api';
import { useT, type MessageKey } from '@/lib/i18n';
import { useIsSignedIn } from '@/lib/session';
import { useStarred, useToggleWatchlist } from '../api/watchlist';
import { searchMarkets } from '../rules/match-market';
import { nextSort, sortMarkets, type MarketSort } from '../rules/sort-markets';
import { MarketCards } from './market-cards';
import { MarketTable } from './market-table';

type Filter = 'all' | 'watchlist';
const SORT_OPTIONS = ['symbol.asc', 'symbol.desc', 'price.desc', 'price.asc', 'change.desc', 'change.asc', 'volume.desc', 'volume.asc'] as const;

interface MarketListProps {
  rows: readonly PriceRow[] | undefined;
  loading: boolean;
  error: boolean;
}

/**
 * The markets list: search by symbol or coin name (Korean or English), All / Watchlist tabs,
 * sorting by any column, a star per coin kept on the server. A table on wider screens, cards on a phone.
 */
export function MarketList({ rows, loading, error }: MarketListProps) {
  const t = useT();
  const id = useId();
  const phone = useMediaQuery(useTheme().breakpoints.down('sm'), { noSsr: true });
  const signedIn = useIsSignedIn();
  const starred = useStarred();
  const toggle = useToggleWatchlist();
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<MarketSort | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);

  const shown = useMemo(() => {
    const bySymbol = new Map((rows ?? []).map((r) => [r.symbol, r]));
    const found = searchMarkets([...bySymbol.keys()], query)
      .filter((s) => filter === 'all' || starred.has(s))
      .map((s) => bySymbol.get(s)!);
    return sortMarkets(found, sort);
  }, [rows, query, filter, starred, sort]);

  if (error && !rows) return <Alert severity="warning">{t('market.error')}</Alert>;

  const onToggleStar = signedIn
    ? (symbol: string, star: boolean) =>
        toggle.mutate(
          { symbol, starred: star },
          {
            onError: (err) =>
              setToast({ severity: 'error', text: t(err instanceof ApiError && err.code === 'WATCHLIST_FULL' ? 'markets.watchlistFull' : 'markets.watchlistError'), id: Date.now() }),
          },
        )
    : undefined;

  const emptyText = (() => {
    if (!rows || shown.length > 0) return undefined;
    if (filter === 'watchlist' && !signedIn) return t('markets.watchlistSignedOut');
    if (query.trim() !== '') return t('markets.noMatch', { query: query.trim() });
    if (filter === 'watchlist') return t('markets.watchlistEmpty');
    return t('market.empty');
  })();
  const view = { rows: shown, loading: loading && !rows, emptyText, sort, onSort: (key: MarketSort['key']) => setSort((s) => nextSort(s, key)), starred, onToggleStar };

  return (
    <Paper variant="outlined" sx={{ minWidth: 0 }}>
      <Stack direction="row" sx={{ flexWrap: 'wrap', alignItems: 'center', columnGap: 2, rowGap: 1, px: 1.5, pt: 1, pb: 1.5 }}>
        <Tabs value={filter} onChange={(_e, value: Filter) => setFilter(value)} aria-label={t('markets.filter')} sx={{ minHeight: 40, flexShrink: 0 }}>
          <Tab value="all" label={t('markets.tab.all')} id={`${id}-all`} aria-controls={`${id}-panel`} sx={{ minHeight: 40, minWidth: 72 }} />
          <Tab value="watchlist" label={t('markets.tab.watchlist')} id={`${id}-watchlist`} aria-controls={`${id}-panel`} sx={{ minHeight: 40, minWidth: 72 }} />
        </Tabs>
        <TextField
          type="search"
          size="small"
          label={t('markets.search')}
          placeholder={t('markets.searchHint')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          sx={{ flex: '1 1 200px', minWidth: 0 }}
        />
        {phone ? (
          <TextField
            select
            size="small"
            label={t('markets.sortBy')}
            value={sort ? `${sort.key}.${sort.direction}` : 'default'}
            onChange={(e) => {
              const [key, direction] = e.target.value.split('.') as [MarketSort['key'], MarketSort['direction']];
              setSort(e.target.value === 'default' ? null : { key, direction });
            }}
            sx={{ flex: '1 1 100%', minWidth: 0 }}
          >
            <MenuItem value="default">{t('markets.sort.default')}</MenuItem>
            {SORT_OPTIONS.map((option) => (
              <MenuItem key={option} value={option}>
                {t(`markets.sort.${option}` as MessageKey)}
              </MenuItem>
            ))}
          </TextField>
        ) : null}
      </Stack>
      <Box role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${filter}`} sx={{ position: 'relative', minWidth: 0 }}>
        {phone ? <MarketCards {...view} /> : <MarketTable {...view} />}
      </Box>
      <ResultToast toast={toast} onClose={() => setToast(null)} closeLabel={t('common.close')} />
    </Paper>
  );
}
