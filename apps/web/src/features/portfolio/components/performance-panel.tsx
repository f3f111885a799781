import { lazy, Suspense, useState } from 'react';
import Alert from '@mui/material/Alert';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { PerformanceRanges, type PerformanceRange } from '@cryptosim/contracts';
import { Panel } from '@/components/panel';
import { useFormat, useT } from '@/lib/i18n';
import { usePerformance } from '../api/get-performance';

const EquityChart = lazy(() => import('./equity-chart'));

function Metric({ label, value, title }: { label: string; value: string; title?: string }) {
  return (
    <Stack component="div" spacing={0.25} sx={{ minWidth: 110 }}>
      <Typography component="dt" variant="caption" color="text.secondary">{label}</Typography>
      <Typography component="dd" variant="body1" title={title} sx={{ m: 0, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>{value}</Typography>
    </Stack>
  );
}

/** Equity over the chosen range, with return, drawdown, Sharpe, win rate, trade count and fees paid. */
export function PerformancePanel() {
  const t = useT();
  const format = useFormat();
  const [range, setRange] = useState<PerformanceRange>('1d');
  const { data, error } = usePerformance(range);
  const rangeSwitch = (
    <ToggleButtonGroup exclusive size="small" value={range} aria-label={t('performance.range')} onChange={(_e, next: PerformanceRange | null) => next && setRange(next)}>
      {PerformanceRanges.map((r) => (
        <ToggleButton key={r} value={r} sx={{ px: 1.25 }}>{t(`performance.range.${r}`)}</ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
  const m = data?.metrics;
  return (
    <Panel title={t('performance.title')} actions={rangeSwitch}>
      {error ? <Alert severity="warning">{t('performance.error')}</Alert> : null}
      {m ? (
        <Stack component="dl" direction="row" sx={{ m: 0, mb: 2, flexWrap: 'wrap', columnGap: 3, rowGap: 1 }}>
          <Metric label={t('performance.totalReturn')} value={format.percent(m.totalReturnPercent)} />
          <Metric label={t('performance.maxDrawdown')} value={format.percentPlain(m.maxDrawdownPercent)} />
          <Metric label={t('performance.sharpe')} value={m.sharpe === null ? '—' : format.quantity(Number(m.sharpe).toFixed(2))} />
          <Metric label={t('performance.winRate')} value={m.winRate === null ? '—' : format.percentPlain(Number(m.winRate).toFixed(1))} />
          <Metric label={t('performance.trades')} value={String(m.trades)} />
          <Metric label={t('performance.feesPaid')} value={format.money(m.feesPaid)} title={`${m.feesPaid} USDT`} />
        </Stack>
      ) : null}
      {data && data.equity.length < 2 ? (
        <Typography variant="body2" color="text.secondary">{t('performance.notEnough')}</Typography>
      ) : data ? (
        <Suspense fallback={<Skeleton variant="rectangular" height={240} role="status" aria-label={t('common.loading')} />}>
          <EquityChart points={data.equity} label={t('performance.aria', { range: t(`performance.range.${range}`) })} />
        </Suspense>
      ) : !error ? (
        <Skeleton variant="rectangular" height={240} role="status" aria-label={t('common.loading')} />
      ) : null}
    </Panel>
  );
}
