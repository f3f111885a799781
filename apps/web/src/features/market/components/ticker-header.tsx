import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { PriceRow } from '@cryptosim/contracts';
import { useFormat, useT } from '@/lib/i18n';
import { useSymbolRules } from '@/lib/market';
import { usePriceTitle } from '../hooks/use-price-title';
import { tickerStats } from '../rules/ticker-stats';
import { ChangeText } from './change-text';

const numeric = { m: 0, fontVariantNumeric: 'tabular-nums' } as const;

function Stat({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Stack component="div" spacing={0}>
      <Typography component="dt" variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ ...numeric, color }}>
        {value}
      </Typography>
    </Stack>
  );
}

/**
 * The exchange's header line for one symbol, from the live ticker: last price, 24 h change
 * (absolute and %), high, low, and volume in the base and the quote asset. The tab title
 * follows the last price.
 */
export function TickerHeader({ row }: { row: PriceRow | undefined }) {
  const t = useT();
  const format = useFormat();
  const rulesOf = useSymbolRules();
  const rules = row ? rulesOf(row.symbol) : undefined;
  const tick = rules?.tickSize;
  usePriceTitle(row ? format.price(row.price, tick) : undefined, row?.symbol);
  if (!row) return null;
  const stats = tickerStats(row);
  const direction = Number(stats.change);
  const changeColour = direction > 0 ? 'up.main' : direction < 0 ? 'down.main' : 'text.secondary';
  const signed = `${direction > 0 ? '+' : ''}${format.price(stats.change, tick)}`;
  const base = rules?.baseAsset ?? '';
  const quote = rules?.quoteAsset ?? 'USDT';
  return (
    <Stack component="dl" direction="row" sx={{ m: 0, flexWrap: 'wrap', columnGap: 3, rowGap: 1, alignItems: 'flex-end' }}>
      <Stack component="div" spacing={0}>
        <Typography component="dt" variant="caption" color="text.secondary">
          {t('trade.lastPrice')}
        </Typography>
        <Typography component="dd" variant="h5" sx={{ ...numeric, fontWeight: 700 }}>
          {format.price(row.price, tick)} <ChangeText percent={row.changePercent24h} variant="body1" />
        </Typography>
      </Stack>
      <Stat label={t('trade.change24h', { asset: quote })} value={signed} color={changeColour} />
      <Stat label={t('trade.high')} value={format.price(row.high24h, tick)} />
      <Stat label={t('trade.low')} value={format.price(row.low24h, tick)} />
      <Stat label={t('trade.baseVolume', { asset: base })} value={format.quantity(row.volume24h, '0.01')} />
      <Stat label={t('trade.quoteVolume', { asset: quote })} value={`≈ ${format.compact(stats.quoteVolume)}`} />
    </Stack>
  );
}
