import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { DEFAULT_CHART_LAYOUT, type ChartLayout } from '@cryptosim/contracts';
import { useIsSignedIn } from '@/lib/session';
import { useSaveChartLayout, useSavedChartLayout } from '../api/chart-layout';
import { mergeLayout, parseLayoutQuery, writeLayoutQuery } from '../chart-layout-query';

/**
 * The chart's layout: what the URL says wins (a shared link reproduces the view), the signed-in
 * user's saved layout fills the rest, the default otherwise. A change goes to the URL (replacing
 * the entry, so Back leaves the page rather than undoing a toggle) and to the server.
 */
export function useChartLayout(onSaveError: () => void): [ChartLayout, (next: ChartLayout) => void] {
  const [params, setParams] = useSearchParams();
  const signedIn = useIsSignedIn();
  const saved = useSavedChartLayout();
  const save = useSaveChartLayout();
  const [own, setOwn] = useState<ChartLayout | null>(null);
  const layout = own ?? mergeLayout((signedIn ? saved.data : undefined) ?? DEFAULT_CHART_LAYOUT, parseLayoutQuery(params));

  const update = (next: ChartLayout) => {
    setOwn(next);
    setParams((current) => writeLayoutQuery(current, next), { replace: true, preventScrollReset: true });
    if (signedIn) save.mutate(next, { onError: onSaveError });
  };
  return [layout, update];
}
