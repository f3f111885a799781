import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { PriceRow } from '@cryptosim/contracts';
import { useFormat, useT } from '@/lib/i18n';
import { useSymbolRules } from '@/lib/market';
import { ChangeText } from './change-text';

/** Last price, 24 h change, high and low of one symbol, from the live ticker. */
export function TickerHeader({ row }: { row: PriceRow | undefined }) {
  const t = useT();
  const format = useFormat();
  const rulesOf = useSymbolRules();
  if (!row) return null;
  const tick = rulesOf(row.symbol)?.tickSize;
  const stat = (label: string, value: string) => (
    <Stack component="div" spacing={0}>
      <Typography component="dt" variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Typography>
    </Stack>
  );
  return (
    <Stack component="dl" direction="row" sx={{ m: 0, flexWrap: 'wrap', columnGap: 3, rowGap: 1, alignItems: 'flex-end' }}>
      <Stack component="div" spacing={0}>
        <Typography component="dt" variant="caption" color="text.secondary">
          {t('trade.lastPrice')}
        </Typography>
        <Typography component="dd" variant="h5" sx={{ m: 0, fontVariantNumeric: 'tabular-nums', fontWeight: 700 }}>
          {format.price(row.price, tick)} <ChangeText percent={row.changePercent24h} variant="body1" />
        </Typography>
      </Stack>
      {stat(t('trade.high'), format.price(row.high24h, tick))}
      {stat(t('trade.low'), format.price(row.low24h, tick))}
      {stat(t('market.column.volume'), format.compact(row.volume24h))}
    </Stack>
  );
}
