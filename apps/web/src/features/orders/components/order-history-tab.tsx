import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { OrderStatuses, type OrderSide, type OrderStatusFilter } from '@cryptosim/contracts';
import { ApiError } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { useSymbols } from '@/lib/market';
import { useDownloadOrders } from '../api/download-orders';
import { useOrderHistory } from '../api/order-lists';
import type { OrderListFilter } from '../rules/order-list-query';
import { OrderCard, OrderCards } from './order-card';

const ALL = 'ALL';
const STATUS_CHOICES = ['open', 'closed', ...OrderStatuses] as const satisfies readonly OrderStatusFilter[];

/**
 * Every order of the account (filled, canceled, rejected, expired and open), newest first,
 * filtered by coin, side, status and creation day; the CSV download takes the same filters.
 */
export function OrderHistoryTab() {
  const t = useT();
  const [symbol, setSymbol] = useState<string>(ALL);
  const [side, setSide] = useState<OrderSide | typeof ALL>(ALL);
  const [status, setStatus] = useState<OrderStatusFilter | typeof ALL>(ALL);
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const { data: symbols } = useSymbols();
  const filter: OrderListFilter = {
    symbol: symbol === ALL ? undefined : symbol,
    side: side === ALL ? undefined : side,
    status: status === ALL ? undefined : status,
    fromDay: fromDay || undefined,
    toDay: toDay || undefined,
  };
  const history = useOrderHistory(filter);
  const download = useDownloadOrders();
  const orders = history.data?.pages.flatMap((page) => page.orders) ?? [];
  const field = { size: 'small', sx: { minWidth: 0 } } as const;
  // Two date inputs share a 360 px row: tighter padding keeps "12/31/2026" and the picker icon unclipped.
  const dateField = { size: 'small', type: 'date', sx: { minWidth: 0, '& input': { px: 1 } }, slotProps: { inputLabel: { shrink: true } } } as const;

  return (
    <Stack spacing={1.5}>
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', md: 'repeat(5, minmax(0, 1fr)) auto' }, alignItems: 'center' }}>
        <TextField {...field} select label={t('ordersPage.filter.symbol')} value={symbol} onChange={(e) => setSymbol(e.target.value)}>
          <MenuItem value={ALL}>{t('ordersPage.filter.all')}</MenuItem>
          {(symbols?.symbols ?? []).map((s) => (
            <MenuItem key={s.symbol} value={s.symbol}>{s.symbol}</MenuItem>
          ))}
        </TextField>
        <TextField {...field} select label={t('ordersPage.filter.side')} value={side} onChange={(e) => setSide(e.target.value as OrderSide | typeof ALL)}>
          <MenuItem value={ALL}>{t('ordersPage.filter.all')}</MenuItem>
          <MenuItem value="BUY">{t('side.BUY')}</MenuItem>
          <MenuItem value="SELL">{t('side.SELL')}</MenuItem>
        </TextField>
        <TextField {...field} select label={t('ordersPage.filter.status')} value={status} onChange={(e) => setStatus(e.target.value as OrderStatusFilter | typeof ALL)}>
          <MenuItem value={ALL}>{t('ordersPage.filter.all')}</MenuItem>
          {STATUS_CHOICES.map((s) => (
            <MenuItem key={s} value={s}>{t(`orderStatus.${s}`)}</MenuItem>
          ))}
        </TextField>
        <TextField {...dateField} label={t('ordersPage.filter.from')} value={fromDay} onChange={(e) => setFromDay(e.target.value)} />
        <TextField {...dateField} label={t('ordersPage.filter.to')} value={toDay} onChange={(e) => setToDay(e.target.value)} />
        <Button variant="outlined" size="small" onClick={() => download.mutate(filter)} disabled={download.isPending}>
          {t('ordersPage.export')}
        </Button>
      </Box>
      {download.error ? (
        <Alert severity="error">{t('ordersPage.exportError', { code: download.error instanceof ApiError ? download.error.code : 'UNKNOWN' })}</Alert>
      ) : null}
      {history.error ? (
        <Alert severity="warning">{t('ordersPage.loadError')}</Alert>
      ) : history.isPending ? (
        <Typography variant="body2">{t('common.loading')}</Typography>
      ) : orders.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{t('ordersPage.noneMatching')}</Typography>
      ) : (
        <OrderCards label={t('ordersPage.tab.history')}>
          {orders.map((order) => (
            <OrderCard key={order.id} order={order} />
          ))}
        </OrderCards>
      )}
      {history.hasNextPage ? (
        <Button onClick={() => void history.fetchNextPage()} disabled={history.isFetchingNextPage} sx={{ alignSelf: 'flex-start' }}>
          {t('ordersPage.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}
