import { lazy, Suspense } from 'react';
import Skeleton from '@mui/material/Skeleton';
import { Panel } from '@/components/panel';
import { useFormat, useT } from '@/lib/i18n';
import type { LiveHoldings } from '../rules/live-holdings';
import type { AllocationSlice } from './allocation-chart';

const AllocationChart = lazy(() => import('./allocation-chart'));

/** How the total value splits between the coins and USDT, at live prices. */
export function AllocationPanel({ live }: { live: LiveHoldings }) {
  const t = useT();
  const format = useFormat();
  const slices: AllocationSlice[] = [
    ...live.holdings.map((h) => ({ name: h.symbol.replace(/USDT$/, ''), value: Number(h.weightPercent), label: format.percentPlain(h.weightPercent) })),
    { name: 'USDT', value: Number(live.cashWeightPercent), label: format.percentPlain(live.cashWeightPercent) },
  ].filter((slice) => slice.value > 0);
  const summary = slices.map((s) => `${s.name} ${s.label}`).join(', ');
  return (
    <Panel title={t('allocation.title')}>
      <Suspense fallback={<Skeleton variant="circular" width={200} height={200} sx={{ mx: 'auto' }} role="status" aria-label={t('common.loading')} />}>
        <AllocationChart slices={slices} label={t('allocation.aria', { summary })} />
      </Suspense>
    </Panel>
  );
}
