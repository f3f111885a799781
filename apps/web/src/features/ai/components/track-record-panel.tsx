import { lazy, Suspense, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { TrackRecord } from '@cryptosim/contracts';
import { Panel } from '@/components/panel';
import { useFormat, useT } from '@/lib/i18n';
import { useModels } from '../api/get-models';
import { useTrackRecord } from '../api/get-track-record';
import { figure, fractionPercent } from './ai-format';
import { ConfusionMatrix } from './confusion-matrix';

const AccuracyChart = lazy(() => import('./accuracy-chart'));

function Metric({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography component="dt" variant="caption" color="text.secondary">{label}{note ? ` (${note})` : ''}</Typography>
      <Typography component="dd" variant="body1" sx={{ m: 0, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>{value}</Typography>
    </Box>
  );
}

/** The scored record of one model (or all): figures, weekly accuracy against the baselines, confusion. */
export function TrackRecordPanel() {
  const t = useT();
  const [model, setModel] = useState('');
  const { data: models } = useModels();
  const { data, error, isPending } = useTrackRecord({ model: model || undefined });
  const picker = (
    <TextField
      select
      size="small"
      label={t('ai.record.model')}
      value={model}
      onChange={(event) => setModel(event.target.value)}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      sx={{ minWidth: 0, maxWidth: '100%', width: 220 }}
    >
      <option value="">{t('ai.record.allModels')}</option>
      {models?.models.map((m) => (
        <option key={m.version} value={m.version}>{`${m.version} · ${t(`ai.models.status.${m.status}`)}`}</option>
      ))}
    </TextField>
  );
  return (
    <Panel title={t('ai.record.title')} actions={picker}>
      {data ? (
        <RecordBody record={data} />
      ) : error ? (
        <Alert severity="warning">{t('ai.record.error')}</Alert>
      ) : isPending ? (
        <Skeleton variant="rectangular" height={220} role="status" aria-label={t('common.loading')} />
      ) : null}
    </Panel>
  );
}

function RecordBody({ record }: { record: TrackRecord }) {
  const t = useT();
  const format = useFormat();
  const lower = t('ai.record.lowerBetter');
  return (
    <Stack spacing={2}>
      <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', columnGap: 2, rowGap: 1 }}>
        <Metric label={t('ai.record.scored')} value={format.quantity(String(record.scored))} />
        <Metric label={t('ai.record.accuracy')} value={fractionPercent(format, record.accuracy)} />
        <Metric label={t('ai.record.balancedAccuracy')} value={fractionPercent(format, record.balancedAccuracy)} />
        <Metric label={t('ai.record.majority')} value={fractionPercent(format, record.baselines.majority.accuracy)} />
        <Metric label={t('ai.record.persistence')} value={fractionPercent(format, record.baselines.persistence.accuracy)} />
        <Metric label={t('ai.record.logLoss')} note={lower} value={figure(format, record.logLoss)} />
        <Metric label={t('ai.record.brier')} note={lower} value={figure(format, record.brier)} />
      </Box>
      <Typography variant="caption" color="text.secondary">{t('ai.record.baselinesNote')}</Typography>
      {record.scored === 0 ? <Typography variant="body2">{t('ai.record.empty')}</Typography> : null}
      <Typography variant="subtitle2" component="h3">{t('ai.record.byWeek')}</Typography>
      {record.byWeek.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{t('ai.record.noWeeks')}</Typography>
      ) : (
        <Suspense fallback={<Skeleton variant="rectangular" height={220} role="status" aria-label={t('common.loading')} />}>
          <AccuracyChart weeks={record.byWeek} baselines={record.baselines} />
        </Suspense>
      )}
      <Typography variant="subtitle2" component="h3">{t('ai.confusion.title')}</Typography>
      <ConfusionMatrix confusion={record.confusion} />
    </Stack>
  );
}
