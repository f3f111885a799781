import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { hasLimitPrice, type OrderSide, type OrderType, type SymbolInfo } from '@cryptosim/contracts';
import { useFormat, useT } from '@/lib/i18n';
import type { OrderPreview } from '../rules/check-order';
import { Dec } from '@cryptosim/trading-rules';

function Row({ label, value, exact, strong = false }: { label: string; value: string; exact?: string; strong?: boolean }) {
  return (
    <Stack direction="row" component="div" sx={{ justifyContent: 'space-between', gap: 1 }}>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" title={exact} sx={{ m: 0, fontWeight: strong ? 700 : 400, fontVariantNumeric: 'tabular-nums', textAlign: 'right' }}>
        {value}
      </Typography>
    </Stack>
  );
}

export interface TicketPreviewProps {
  preview: OrderPreview | null;
  side: OrderSide;
  type: OrderType;
  asset: string;
  feeRate: string;
  rules: Pick<SymbolInfo, 'tickSize' | 'stepSize'>;
}

/**
 * Quantity, price, fee (on top, in USDT) and the total to pay or receive; USDT to 2 decimals
 * with the exact figure on hover. Orders that fill at the market (market orders and triggered
 * stops) show estimates, marked with ≈ and explained; a stop's price is its trigger, not its fill;
 * a stop-limit's is its limit price.
 */
export function TicketPreview({ preview, side, type, asset, feeRate, rules }: TicketPreviewProps) {
  const t = useT();
  const format = useFormat();
  // Limit-priced orders (stop-limits too) fill at their limit or better; the others at the market.
  const estimated = preview !== null && (preview.estimated || !hasLimitPrice(type));
  const about = (text: string) => (estimated ? `≈ ${text}` : text);
  const stop = type === 'STOP_LOSS' || type === 'TAKE_PROFIT';
  const dash = '—';
  return (
    <Stack spacing={0.5}>
      <Stack component="dl" spacing={0.5} sx={{ m: 0 }} aria-label={t('ticket.preview')}>
        <Row label={t('ticket.preview.quantity')} value={preview ? `${preview.estimated ? '≈ ' : ''}${format.quantity(preview.quantity, rules.stepSize)} ${asset}` : dash} />
        <Row
          label={t(stop ? 'ticket.preview.triggerPrice' : 'ticket.preview.price')}
          value={preview ? (stop ? format.price(preview.price, rules.tickSize) : about(format.price(preview.price, rules.tickSize))) : dash}
        />
        <Row label={t('ticket.preview.notional')} value={preview ? about(format.money(preview.notional)) : dash} exact={preview ? `${preview.notional} USDT` : undefined} />
        <Row
          label={t('ticket.preview.fee', { rate: format.percentPlain(new Dec(feeRate).times(100).toFixed()) })}
          value={preview ? about(format.preciseMoney(preview.fee)) : dash}
        />
        <Row
          label={side === 'BUY' ? t('ticket.preview.totalBuy') : t('ticket.preview.totalSell')}
          value={preview ? about(format.money(preview.total)) : dash}
          exact={preview ? `${preview.total} USDT` : undefined}
          strong
        />
      </Stack>
      {estimated ? (
        <Typography variant="caption" color="text.secondary">
          {t('ticket.preview.estimateNote')}
        </Typography>
      ) : null}
    </Stack>
  );
}
