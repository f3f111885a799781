import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import type { AnalysisIndicators, AnalysisResponse } from '@cryptosim/contracts';
import { Panel } from '@/components/panel';
import { useFormat, useT, type MessageKey } from '@/lib/i18n';
import { useIsSignedIn } from '@/lib/session';
import { useAnalysis } from '../api/get-analysis';
import { isModelUnavailable, nextRefreshMs } from '../api/model-unavailable';
import { indicatorFigure } from './ai-format';

const INDICATORS = ['rsi14', 'macd', 'macdSignal', 'macdHistogram', 'bollingerUpper', 'bollingerLower', 'sma20', 'ema50', 'atr14', 'volatility'] as const satisfies readonly (keyof AnalysisIndicators)[];

/** The server's reading of the symbol: trend, the indicators it is based on, and its summary. */
export function MarketAnalysis({ symbol }: { symbol: string }) {
  const t = useT();
  const signedIn = useIsSignedIn();
  const { data, error, isPending } = useAnalysis(symbol, signedIn);
  return (
    <Panel title={t('ai.analysis.title')}>
      {!signedIn ? (
        <Typography variant="body2">{t('ai.signedOut')}</Typography>
      ) : data ? (
        <AnalysisBody analysis={data} />
      ) : isModelUnavailable(error) ? (
        <Alert severity="info">{t('ai.analysis.unavailable', { seconds: Math.round(nextRefreshMs(error) / 1000) })}</Alert>
      ) : error ? (
        <Alert severity="warning">{t('ai.analysis.error')}</Alert>
      ) : isPending ? (
        <Skeleton variant="rectangular" height={96} role="status" aria-label={t('common.loading')} />
      ) : null}
    </Panel>
  );
}

function AnalysisBody({ analysis }: { analysis: AnalysisResponse }) {
  const t = useT();
  const format = useFormat();
  const { palette } = useTheme();
  const trendColour = analysis.trend === 'UP' ? palette.up.main : analysis.trend === 'DOWN' ? palette.down.main : palette.text.secondary;
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="body2" color="text.secondary">{t('ai.analysis.trend')}</Typography>
        <Chip size="small" variant="outlined" label={t(`ai.trend.${analysis.trend}`)} sx={{ color: trendColour, borderColor: trendColour, fontWeight: 600 }} />
        <Typography variant="caption" color="text.secondary">{t('ai.analysis.interval', { interval: analysis.interval })}</Typography>
      </Stack>
      <Typography variant="body2">{analysis.summary}</Typography>
      <Typography variant="subtitle2" component="h3">{t('ai.analysis.indicators')}</Typography>
      <Box
        component="dl"
        sx={{ m: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', columnGap: 2, rowGap: 1 }}
      >
        {INDICATORS.map((key) => (
          <Box key={key} sx={{ minWidth: 0 }}>
            <Typography component="dt" variant="caption" color="text.secondary">{t(`ai.indicator.${key}` as MessageKey)}</Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, fontVariantNumeric: 'tabular-nums' }}>{indicatorFigure(format, analysis.indicators[key])}</Typography>
          </Box>
        ))}
      </Box>
    </Stack>
  );
}
