import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import { useHistory } from '@/lib/market';
import { useFormat, useT } from '@/lib/i18n';
import { sparklinePoints } from './sparkline-path';

const WIDTH = 96;
const HEIGHT = 28;
/** 24 hourly candles: the last day; the live 1m feed keeps the newest one moving. */
const HOURS = 24;

/** A plain SVG line: a chart library per table row would cost far more than it shows. */
export function Sparkline({ symbol }: { symbol: string }) {
  const t = useT();
  const format = useFormat();
  const theme = useTheme();
  const { data } = useHistory(symbol, '1h', HOURS);
  const candles = data?.candles ?? [];
  if (candles.length < 2) return <Box sx={{ width: WIDTH, height: HEIGHT }} aria-hidden />;
  const closes = candles.map((c) => Number(c.close));
  const first = Number(candles[0]!.open);
  const last = closes.at(-1)!;
  const change = first === 0 ? 0 : ((last - first) / first) * 100;
  const colour = last >= first ? theme.palette.up.main : theme.palette.down.main;
  return (
    <svg
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={t('market.sparkline', { symbol, change: format.percent(change.toFixed(2)) })}
    >
      <polyline fill="none" stroke={colour} strokeWidth={1.5} strokeLinejoin="round" points={sparklinePoints(closes, WIDTH, HEIGHT)} />
    </svg>
  );
}
