import { useMemo, useRef, useState } from 'react';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useHistory } from '@/lib/market';
import { ApiError } from '@/lib/api';
import { useFormat, useI18n } from '@/lib/i18n';
import { useLiveSubscription } from '@/lib/ws';
import { chartColours } from '../chart-colours';
import type { IndicatorId } from '../chart-data';
import { useCandleChart } from '../hooks/use-candle-chart';
import { useChartLayout } from '../hooks/use-chart-layout';
import { useOrderOverlays } from '../hooks/use-order-overlays';
import { useAverageEntry, useChartFills, useChartOpenOrders, useReplaceOrder } from '../api/chart-trading';
import { fillMarkers, orderLines, snapToTick, type OrderLine } from '../chart-orders';
import { ChartOrdersPanel } from './chart-orders-panel';
import { ResultToast, type ToastMessage } from '@/components/result-toast';
import { TuneIcon } from './chart-icons';
import { FullscreenButton } from './fullscreen-button';
import { IndicatorSettingsDialog } from './indicator-settings-dialog';
import { IndicatorToggles } from './indicator-toggles';
import { IntervalSwitch } from './interval-switch';
import { OhlcvLegend } from './ohlcv-legend';

/** Enough candles for a 50-period EMA to settle and a screenful of history. */
const CANDLES = 500;
const LOCALE = { ko: 'ko-KR', en: 'en-US' } as const;

/**
 * Candles and volume for one symbol with an interval switch, indicator toggles and an OHLCV
 * legend that follows the crosshair. /ws/prices 1m klines keep the newest candle live for
 * every interval (the live cache rolls minutes up into longer candles).
 */
export default function CandleChart({ symbol, tickSize }: { symbol: string; tickSize?: string }) {
  const { t, language } = useI18n();
  const theme = useTheme();
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [layout, setLayout] = useChartLayout(() => setToast({ severity: 'error', text: t('chart.layout.saveFailed'), id: Date.now() }));
  const { interval, periods } = layout;
  const indicators = useMemo<ReadonlySet<IndicatorId>>(() => new Set(layout.indicators), [layout.indicators]);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLElement>(null);
  const colours = useMemo(() => chartColours(theme), [theme]);

  useLiveSubscription([symbol], { klines: true });
  const { data, error, isPending } = useHistory(symbol, interval, CANDLES);
  const candles = useMemo(() => data?.candles ?? [], [data]);
  const { hoverTime, handle } = useCandleChart(container, { candles, dataKey: `${symbol}/${interval}`, indicators, periods, colours, locale: LOCALE[language], tickSize });

  // The signed-in user's orders, fills and entry price on the candles.
  const format = useFormat();
  const openOrders = useChartOpenOrders(symbol);
  const history = useChartFills(symbol);
  const averageEntry = useAverageEntry(symbol);
  const replace = useReplaceOrder();
  const lines = useMemo(() => orderLines(openOrders.data?.orders ?? [], symbol), [openOrders.data, symbol]);
  const fills = useMemo(() => fillMarkers(history.data?.pages[0]?.transactions ?? [], interval), [history.data, interval]);
  const side = (l: { side: 'BUY' | 'SELL' }) => t(l.side === 'BUY' ? 'chart.order.buy' : 'chart.order.sell');
  const labels = useMemo(
    () => ({
      line: (l: OrderLine) => t('chart.order.label', { side: t(l.side === 'BUY' ? 'chart.order.buy' : 'chart.order.sell'), qty: format.quantity(l.remaining) }),
      average: (price: string) => t('chart.order.average', { price: format.price(price, tickSize) }),
      fill: (f: { side: 'BUY' | 'SELL'; quantity: string }) => `${t(f.side === 'BUY' ? 'chart.order.fillBuy' : 'chart.order.fillSell')} ${format.quantity(f.quantity)}`,
    }),
    [t, format, tickSize],
  );
  const moveOrder = async (line: OrderLine, price: string) => {
    try {
      const result = await replace.mutateAsync({ id: line.id, price });
      setToast({ severity: 'success', text: t('chart.orders.moved', { price: format.price(result.order.price ?? price, tickSize) }), id: Date.now() });
    } catch (err) {
      const reason = err instanceof ApiError && err.code === 'ORDER_NOT_OPEN' ? t('chart.orders.notOpen') : err instanceof Error ? err.message : String(err);
      setToast({ severity: 'error', text: t('chart.orders.moveFailed', { reason }), id: Date.now() });
      throw err;
    }
  };
  useOrderOverlays(handle, {
    lines,
    fills,
    averageEntry,
    colours,
    labels,
    onMove: async (line, price) => {
      const snapped = snapToTick(price, tickSize);
      if (snapped === null) throw new Error('not a price');
      await moveOrder(line, snapped);
    },
  });

  const legendCandle = (hoverTime === null ? undefined : candles.find((c) => c.openTime === hoverTime)) ?? candles.at(-1);

  const toggle = (id: IndicatorId) =>
    setLayout({ ...layout, indicators: layout.indicators.includes(id) ? layout.indicators.filter((i) => i !== id) : [...layout.indicators, id] });

  return (
    <Paper
      ref={frame}
      variant="outlined"
      component="section"
      aria-label={t('chart.aria', { symbol, interval: t(`interval.${interval}`) })}
      // In full screen the frame is the whole screen: no corners, and scroll if the toolbar wraps.
      sx={{ p: { xs: 1, sm: 2 }, '&:fullscreen': { borderRadius: 0, overflowY: 'auto' } }}
    >
      <Stack spacing={1}>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
          <IntervalSwitch value={interval} onChange={(next) => setLayout({ ...layout, interval: next })} />
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5, alignItems: 'center' }}>
            <IndicatorToggles value={indicators} periods={periods} onToggle={toggle} />
            <Tooltip title={t('chart.settings.open')}>
              <IconButton size="small" aria-label={t('chart.settings.open')} aria-haspopup="dialog" onClick={() => setSettingsOpen(true)}>
                <TuneIcon fontSize="small" />
              </IconButton>
            </Tooltip>
            <FullscreenButton target={frame} />
          </Stack>
        </Stack>
        <OhlcvLegend candle={legendCandle} tickSize={tickSize} />
        {error ? <Alert severity="warning">{t('chart.error')}</Alert> : null}
        {!isPending && !error && candles.length === 0 ? <Alert severity="info">{t('chart.empty')}</Alert> : null}
        <Box
          ref={container}
          // A group, not an img: the chart holds TradingView's logo link, and an img may not
          // contain anything focusable (axe: nested-interactive).
          role="group"
          aria-label={t('chart.aria', { symbol, interval: t(`interval.${interval}`) })}
          sx={{ height: { xs: 320, sm: 420, md: indicators.has('rsi') ? 520 : 440 }, width: '100%', position: 'relative' }}
        />
        <ChartOrdersPanel
          lines={lines}
          describe={(l) => t('chart.orders.edit', { side: side(l), qty: format.quantity(l.remaining), price: format.price(l.price, tickSize) })}
          onMove={moveOrder}
        />
        {isPending ? (
          <Typography variant="caption" color="text.secondary" role="status">
            {t('chart.loading')}
          </Typography>
        ) : null}
        <Typography variant="caption" color="text.secondary">
          <Link href="https://www.tradingview.com/" target="_blank" rel="noopener noreferrer" color="inherit">
            {t('chart.attribution')}
          </Link>
        </Typography>
      </Stack>
      {settingsOpen ? (
        <IndicatorSettingsDialog
          open
          periods={periods}
          onClose={() => setSettingsOpen(false)}
          onApply={(next) => {
            setSettingsOpen(false);
            setLayout({ ...layout, periods: next });
          }}
        />
      ) : null}
      <ResultToast toast={toast} onClose={() => setToast(null)} closeLabel={t('common.close')} />
    </Paper>
  );
}
