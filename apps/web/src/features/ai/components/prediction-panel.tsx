import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { PredictResponse } from '@cryptosim/contracts';
import { Panel } from '@/components/panel';
import { useFormat, useT } from '@/lib/i18n';
import { useIsSignedIn } from '@/lib/session';
import { isModelUnavailable, isSymbolNotCovered, nextRefreshMs } from '../api/model-unavailable';
import { usePrediction } from '../api/predict';
import { fractionPercent, useLabelColours } from './ai-format';
import { ProbabilityBars } from './probability-bars';

/**
 * The active model's estimate for the symbol's next bar, always with its measured track
 * record against the two baselines and a caption that it is an estimate, not advice.
 */
export function PredictionPanel({ symbol }: { symbol: string }) {
  const t = useT();
  const signedIn = useIsSignedIn();
  const { data, error, isPending } = usePrediction(symbol, signedIn);
  return (
    <Panel title={t('ai.prediction.title')}>
      <Stack spacing={1.5}>
        {!signedIn ? (
          <Typography variant="body2">{t('ai.signedOut')}</Typography>
        ) : data ? (
          <PredictionBody prediction={data} />
        ) : isModelUnavailable(error) ? (
          <Alert severity="info">{t('ai.prediction.unavailable', { seconds: Math.round(nextRefreshMs(error) / 1000) })}</Alert>
        ) : isSymbolNotCovered(error) ? (
          <Alert severity="info">{t('ai.prediction.notCovered', { symbol })}</Alert>
        ) : error ? (
          <Alert severity="warning">{t('ai.prediction.error')}</Alert>
        ) : isPending ? (
          <Skeleton variant="rectangular" height={120} role="status" aria-label={t('common.loading')} />
        ) : null}
        <Typography variant="caption" color="text.secondary">{t('ai.prediction.caption')}</Typography>
      </Stack>
    </Panel>
  );
}

function PredictionBody({ prediction }: { prediction: PredictResponse }) {
  const t = useT();
  const format = useFormat();
  const colours = useLabelColours();
  const record = prediction.trackRecord;
  return (
    <>
      <Typography variant="h6" component="p" sx={{ color: colours[prediction.label], fontWeight: 700 }}>
        {t('ai.prediction.next', { horizon: prediction.horizon, label: t(`ai.label.${prediction.label}`) })}
      </Typography>
      <ProbabilityBars probabilities={prediction.probabilities} />
      <Stack component="dl" direction="row" sx={{ m: 0, flexWrap: 'wrap', columnGap: 2, rowGap: 0.5, '& dd': { m: 0 } }}>
        <Typography component="dt" variant="caption" color="text.secondary">{t('ai.prediction.horizon')}</Typography>
        <Typography component="dd" variant="caption">{prediction.horizon}</Typography>
        <Typography component="dt" variant="caption" color="text.secondary">{t('ai.prediction.model')}</Typography>
        <Typography component="dd" variant="caption" sx={{ overflowWrap: 'anywhere' }}>{prediction.modelVersion}</Typography>
        <Typography component="dt" variant="caption" color="text.secondary">{t('ai.prediction.generated')}</Typography>
        <Typography component="dd" variant="caption">{format.dateTime(Date.parse(prediction.generatedAt))}</Typography>
      </Stack>
      <Typography variant="body2">
        {record.scored === 0
          ? t('ai.prediction.noneScored')
          : t('ai.prediction.trackRecord', {
              scored: format.quantity(String(record.scored)),
              accuracy: fractionPercent(format, record.accuracy),
              majority: fractionPercent(format, record.baselines.majority.accuracy),
              persistence: fractionPercent(format, record.baselines.persistence.accuracy),
            })}{' '}
        <Link component={RouterLink} to="/ai">{t('ai.prediction.details')}</Link>
      </Typography>
    </>
  );
}
