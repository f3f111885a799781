import { Link as RouterLink } from 'react-router';
import Decimal from 'decimal.js';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { signColour } from '@/components/sign-colour';
import { useFormat, useT } from '@/lib/i18n';
import { useSymbolRules } from '@/lib/market';
import type { LiveHolding } from '../rules/live-holdings';

const num = { fontVariantNumeric: 'tabular-nums', m: 0, overflowWrap: 'anywhere' } as const;

function Field({ label, value, colour, note }: { label: string; value: string; colour?: string; note?: string }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography component="dt" variant="caption" color="text.secondary">{label}</Typography>
      <Typography component="dd" variant="body2" sx={{ ...num, color: colour }}>
        {value}
        {note ? <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>{note}</Typography> : null}
      </Typography>
    </Box>
  );
}

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
              <Field
                label={t('holdings.column.quantity')}
                value={format.quantity(h.quantity, step)}
                note={locked.gt(0) ? t('holdings.locked', { quantity: format.quantity(locked.toFixed(), step) }) : undefined}
              />
              <Field label={t('holdings.column.avgPrice')} value={format.price(h.avgPrice, tick)} />
              <Field label={t('holdings.column.price')} value={format.price(h.marketPrice, tick)} />
              <Field label={t('holdings.column.unrealized')} value={`${format.signedMoney(h.unrealizedPnl)} (${format.percent(h.unrealizedPnlPercent)})`} colour={signColour(h.unrealizedPnl)} />
              <Field label={t('holdings.column.realized')} value={format.signedMoney(h.realizedPnl)} colour={signColour(h.realizedPnl)} />
              <Field label={t('holdings.column.weight')} value={format.percentPlain(h.weightPercent)} />
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
