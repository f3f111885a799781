import { Link as RouterLink } from 'react-router';
import Decimal from 'decimal.js';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { CardFigure } from '@/components/card-figures';
import { signColour } from '@/components/sign-colour';
import { useFormat, useT } from '@/lib/i18n';
import { useSymbolRules } from '@/lib/market';
import type { LiveHolding } from '../rules/live-holdings';

const num = { fontVariantNumeric: 'tabular-nums', m: 0, overflowWrap: 'anywhere' } as const;

/** The holdings on a phone: one card per position with the same figures as the desktop table's columns. */
export function HoldingCards({ holdings }: { holdings: readonly LiveHolding[] }) {
  const t = useT();
  const format = useFormat();
  const rulesOf = useSymbolRules();
  return (
    <Box component="ul" aria-label={t('holdings.title')} sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {holdings.map((h) => {
        const step = rulesOf(h.symbol)?.stepSize;
        const tick = rulesOf(h.symbol)?.tickSize;
        const locked = new Decimal(h.quantity).minus(h.available);
        return (
          <Box component="li" key={h.symbol} sx={{ borderTop: 1, borderColor: 'divider', py: 1.5 }}>
            <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', gap: 1, mb: 1 }}>
              <Link component={RouterLink} to={`/trade/${h.symbol}`} aria-label={t('market.tradeSymbol', { symbol: h.symbol })} sx={{ fontWeight: 600 }}>{h.symbol}</Link>
              <Typography variant="body2" sx={num}>{format.money(h.marketValue)}</Typography>
            </Stack>
            <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: 2, rowGap: 1 }}>
              <CardFigure
                label={t('holdings.column.quantity')}
                note={locked.gt(0) ? t('holdings.locked', { quantity: format.quantity(locked.toFixed(), step) }) : undefined}
              >
                {format.quantity(h.quantity, step)}
              </CardFigure>
              <CardFigure label={t('holdings.column.avgPrice')}>{format.price(h.avgPrice, tick)}</CardFigure>
              <CardFigure label={t('holdings.column.price')}>{format.price(h.marketPrice, tick)}</CardFigure>
              <CardFigure label={t('holdings.column.unrealized')} colour={signColour(h.unrealizedPnl)}>{`${format.signedMoney(h.unrealizedPnl)} (${format.percent(h.unrealizedPnlPercent)})`}</CardFigure>
              <CardFigure label={t('holdings.column.realized')} colour={signColour(h.realizedPnl)}>{format.signedMoney(h.realizedPnl)}</CardFigure>
              <CardFigure label={t('holdings.column.weight')}>{format.percentPlain(h.weightPercent)}</CardFigure>
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
