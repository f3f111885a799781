import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Candle } from '@cryptosim/contracts';
import { VisuallyHidden } from '@/components/visually-hidden';
import { useFormat, useT } from '@/lib/i18n';

/** The candle under the crosshair (or the newest one), read from the exact decimal strings. */
export function OhlcvLegend({ candle, tickSize }: { candle: Candle | undefined; tickSize?: string }) {
  const t = useT();
  const format = useFormat();
  if (!candle) return null;
  const up = Number(candle.close) >= Number(candle.open);
  const items: Array<[string, string]> = [
    [t('chart.legend.open'), format.price(candle.open, tickSize)],
    [t('chart.legend.high'), format.price(candle.high, tickSize)],
    [t('chart.legend.low'), format.price(candle.low, tickSize)],
    [t('chart.legend.close'), format.price(candle.close, tickSize)],
    [t('chart.legend.volume'), format.compact(candle.volume)],
  ];
  return (
    <Stack
      component="dl"
      direction="row"
      aria-live="off"
      sx={{ m: 0, flexWrap: 'wrap', columnGap: 1.5, rowGap: 0.25, fontVariantNumeric: 'tabular-nums' }}
    >
      {/* A dl may hold only dt/dd groups, so the time is one too, its label for screen readers. */}
      <Stack component="div" direction="row" sx={{ width: { xs: '100%', sm: 'auto' } }}>
        <dt>
          <VisuallyHidden>{t('chart.legend.time')}</VisuallyHidden>
        </dt>
        <Typography component="dd" variant="caption" color="text.secondary" sx={{ m: 0 }}>
          {format.dateTime(candle.openTime)}
        </Typography>
      </Stack>
      {items.map(([label, value]) => (
        <Stack key={label} component="div" direction="row" spacing={0.5}>
          <Typography component="dt" variant="caption" color="text.secondary">
            {label}
          </Typography>
          <Typography component="dd" variant="caption" sx={{ m: 0, color: up ? 'up.main' : 'down.main' }}>
            {value}
          </Typography>
        </Stack>
      ))}
    </Stack>
  );
}
