import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useFormat, useT } from '@/lib/i18n';
import { useSymbolRules } from '@/lib/market';
import { ChangeText } from './change-text';
import { CoinLabel } from './coin-label';
import { StarButton } from './star-button';
import type { MarketViewProps } from './market-view-props';

/**
 * The markets list on a phone: one card-like row per coin (star, symbol and name, price with its
 * 24 h change and volume), so nothing scrolls sideways. Sorting is the select above it.
 */
export function MarketCards({ rows, loading, emptyText, starred, onToggleStar }: MarketViewProps) {
  const t = useT();
  const format = useFormat();
  const rulesOf = useSymbolRules();
  if (loading) return <Skeleton role="status" aria-label={t('market.loading')} sx={{ mx: 2, my: 1 }} />;
  if (emptyText) return <Typography sx={{ px: 2, py: 1.5 }}>{emptyText}</Typography>;
  return (
    <Box component="ul" aria-label={t('market.caption')} sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {rows.map((row) => (
        <Box component="li" key={row.symbol} data-symbol={row.symbol} sx={{ borderTop: 1, borderColor: 'divider', px: 1, py: 1 }}>
          <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
            {onToggleStar ? <StarButton symbol={row.symbol} starred={starred.has(row.symbol)} onToggle={onToggleStar} /> : null}
            <Box sx={{ flex: '1 1 auto', minWidth: 0 }}>
              <CoinLabel symbol={row.symbol} />
            </Box>
            <Box sx={{ textAlign: 'right', flexShrink: 0 }}>
              <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600, color: row.stale ? 'text.disabled' : undefined }}>
                {format.price(row.price, rulesOf(row.symbol)?.tickSize)}
              </Typography>
              <ChangeText percent={row.changePercent24h} variant="caption" />
              <Typography variant="caption" color="text.secondary" sx={{ display: 'block', whiteSpace: 'nowrap' }}>
                {t('market.column.volume')} {format.compact(row.volume24h)}
              </Typography>
            </Box>
          </Stack>
        </Box>
      ))}
    </Box>
  );
}
