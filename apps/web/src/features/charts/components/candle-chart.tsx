import { useMemo, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import type { Interval } from '@cryptosim/contracts';
import { useHistory } from '@/lib/market';
import { useI18n } from '@/lib/i18n';
import { useLiveSubscription } from '@/lib/ws';
import { chartColours } from '../chart-colours';
import type { IndicatorId } from '../chart-data';
import { useCandleChart } from '../hooks/use-candle-chart';
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
  const [interval, setChartInterval] = useState<Interval>('1h');
  const [indicators, setIndicators] = useState<ReadonlySet<IndicatorId>>(() => new Set(['sma']));
  const container = useRef<HTMLDivElement>(null);
  const colours = useMemo(() => chartColours(theme), [theme]);

  useLiveSubscription([symbol], { klines: true });
  const { data, error, isPending } = useHistory(symbol, interval, CANDLES);
  const candles = useMemo(() => data?.candles ?? [], [data]);
  const hoverTime = useCandleChart(container, { candles, dataKey: `${symbol}/${interval}`, indicators, colours, locale: LOCALE[language], tickSize });
  const legendCandle = (hoverTime === null ? undefined : candles.find((c) => c.openTime === hoverTime)) ?? candles.at(-1);

  const toggle = (id: IndicatorId) =>
    setIndicators((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Paper variant="outlined" component="section" aria-label={t('chart.aria', { symbol, interval: t(`interval.${interval}`) })} sx={{ p: { xs: 1, sm: 2 } }}>
      <Stack spacing={1}>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
          <IntervalSwitch value={interval} onChange={setChartInterval} />
          <IndicatorToggles value={indicators} onToggle={toggle} />
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
    </Paper>
  );
}
