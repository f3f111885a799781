import { useId, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { OrderSide } from '@cryptosim/contracts';
import { FillsTable } from '@/components/fills-table';
import { Panel } from '@/components/panel';
import { ApiError } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { useSymbols } from '@/lib/market';
import { useTradeHistory } from '@/lib/trading';
import { useDownloadHistory } from '../api/download-history';

const ALL = 'ALL';

/**
 * Every fill of the account, newest first. Both filters are the API's, so "load more" fetches
 * the next cursor page of matching fills only; the CSV export takes the same filters.
 */
export function HistoryPanel() {
  const t = useT();
  const symbolId = useId();
  const sideId = useId();
  const [symbol, setSymbol] = useState<string>(ALL);
  const [side, setSide] = useState<OrderSide | typeof ALL>(ALL);
  const { data: symbols } = useSymbols();
  const filter = { symbol: symbol === ALL ? undefined : symbol, side: side === ALL ? undefined : side };
  const history = useTradeHistory(filter);
  const download = useDownloadHistory();
  const fills = history.data?.pages.flatMap((page) => page.transactions) ?? [];

  const exportButton = (
    <Button variant="outlined" size="small" onClick={() => download.mutate(filter)} disabled={download.isPending}>
      {t('history.export')}
    </Button>
  );
  return (
    <Panel title={t('history.title')} actions={exportButton}>
      {download.error ? (
        <Alert severity="error" sx={{ mb: 1 }}>
          {t('error.generic', { code: download.error instanceof ApiError ? download.error.code : 'UNKNOWN' })}
        </Alert>
      ) : null}
      <Stack direction="row" sx={{ gap: 1.5, mb: 1.5, flexWrap: 'wrap' }}>
        <TextField id={symbolId} select size="small" label={t('history.filter.symbol')} value={symbol} onChange={(e) => setSymbol(e.target.value)} sx={{ minWidth: 150 }}>
          <MenuItem value={ALL}>{t('history.filter.all')}</MenuItem>
          {(symbols?.symbols ?? []).map((s) => (
            <MenuItem key={s.symbol} value={s.symbol}>{s.symbol}</MenuItem>
          ))}
        </TextField>
        <TextField id={sideId} select size="small" label={t('history.filter.side')} value={side} onChange={(e) => setSide(e.target.value as OrderSide | typeof ALL)} sx={{ minWidth: 120 }}>
          <MenuItem value={ALL}>{t('history.filter.all')}</MenuItem>
          <MenuItem value="BUY">{t('side.BUY')}</MenuItem>
          <MenuItem value="SELL">{t('side.SELL')}</MenuItem>
        </TextField>
      </Stack>
      {history.error ? (
        <Alert severity="warning">{t('history.error')}</Alert>
      ) : history.isPending ? (
        <Typography variant="body2">{t('common.loading')}</Typography>
      ) : fills.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{t('fills.none')}</Typography>
      ) : (
        <FillsTable fills={fills} label={t('history.title')} />
      )}
      {history.hasNextPage ? (
        <Button sx={{ mt: 1 }} onClick={() => void history.fetchNextPage()} disabled={history.isFetchingNextPage}>
          {t('fills.loadMore')}
        </Button>
      ) : null}
    </Panel>
  );
}
