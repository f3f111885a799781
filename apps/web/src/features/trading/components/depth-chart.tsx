import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import type { SymbolInfo } from '@cryptosim/contracts';
import { useFormat, useT } from '@/lib/i18n';
import { depthChartShape } from '../rules/depth-chart-path';
import type { SimulatedBook } from '../rules/simulated-book';

const WIDTH = 300;
const HEIGHT = 80;

/**
 * Cumulative bids (left) and asks (right) of the book the panel shows, as two step areas in a
 * plain SVG: no chart library for a picture this small. Screen readers get the totals as text.
 */
export function DepthChart({ book, rules }: { book: SimulatedBook; rules: SymbolInfo }) {
  const t = useT();
  const format = useFormat();
  const theme = useTheme();
  const shape = depthChartShape(book, WIDTH, HEIGHT);
  if (!shape) return null;
  const bidTotal = book.bids.at(-1)!.cumulative;
  const askTotal = book.asks.at(-1)!.cumulative;
  const label = t('book.depthChartLabel', {
    bids: format.quantity(bidTotal, rules.stepSize),
    asks: format.quantity(askTotal, rules.stepSize),
    asset: rules.baseAsset,
    low: format.price(book.bids.at(-1)!.price, rules.tickSize),
    high: format.price(book.asks.at(-1)!.price, rules.tickSize),
  });
  return (
    <Box component="figure" sx={{ m: 0, mt: 1.5 }}>
      <Box
        component="svg"
        role="img"
        aria-label={label}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        sx={{ display: 'block', width: '100%', height: 80, borderBottom: 1, borderColor: 'divider' }}
      >
        <path d={shape.bids} fill={theme.palette.up.main} fillOpacity={0.25} stroke={theme.palette.up.main} strokeWidth={1} vectorEffect="non-scaling-stroke" />
        <path d={shape.asks} fill={theme.palette.down.main} fillOpacity={0.25} stroke={theme.palette.down.main} strokeWidth={1} vectorEffect="non-scaling-stroke" />
      </Box>
      <Stack component="figcaption" direction="row" sx={{ justifyContent: 'space-between', mt: 0.5 }}>
        <Typography variant="caption" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {format.price(book.bids.at(-1)!.price, rules.tickSize)}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {t('book.depthChart')}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {format.price(book.asks.at(-1)!.price, rules.tickSize)}
        </Typography>
      </Stack>
    </Box>
  );
}
