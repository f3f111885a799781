import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { PredictionLabels, type ClassProbabilities } from '@cryptosim/contracts';
import { useFormat, useT } from '@/lib/i18n';
import { fractionPercent, useLabelColours } from './ai-format';

/** One bar per class: name, a bar as long as its probability, and the figure. */
export function ProbabilityBars({ probabilities }: { probabilities: ClassProbabilities }) {
  const t = useT();
  const format = useFormat();
  const colours = useLabelColours();
  return (
    <Box component="ul" aria-label={t('ai.prediction.probabilities')} sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 0.75 }}>
      {PredictionLabels.map((label) => {
        const name = t(`ai.label.${label}`);
        const text = fractionPercent(format, probabilities[label]);
        return (
          <Box component="li" key={label} sx={{ display: 'grid', gridTemplateColumns: '4.5em minmax(0, 1fr) 4em', alignItems: 'center', gap: 1 }}>
            <Typography variant="body2">{name}</Typography>
            <LinearProgress
              variant="determinate"
              value={Math.round(probabilities[label] * 1000) / 10}
              aria-label={name}
              aria-valuetext={text}
              sx={{ height: 8, borderRadius: 1, bgcolor: 'action.selected', '& .MuiLinearProgress-bar': { bgcolor: colours[label] } }}
            />
            <Typography variant="body2" sx={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{text}</Typography>
          </Box>
        );
      })}
    </Box>
  );
}
