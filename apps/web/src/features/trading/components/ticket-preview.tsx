import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { OrderSide } from '@cryptosim/contracts';
import { useFormat, useT } from '../../../lib/i18n';
import type { OrderPreview } from '../rules/check-order';
import { Dec } from '@cryptosim/trading-rules';

function Row({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <Stack direction="row" component="div" sx={{ justifyContent: 'space-between', gap: 1 }}>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, fontWeight: strong ? 700 : 400, fontVariantNumeric: 'tabular-nums', textAlign: 'right' }}>
        {value}
      </Typography>
    </Stack>
  );
}

/** Quantity, price, fee (on top, in USDT) and the total to pay or receive, to 8 decimals. */
export function TicketPreview({ preview, side, asset, feeRate }: { preview: OrderPreview | null; side: OrderSide; asset: string; feeRate: string }) {
  const t = useT();
  const format = useFormat();
  const about = (text: string) => (preview?.estimated ? `≈ ${text}` : text);
  const dash = '—';
  return (
    <Stack component="dl" spacing={0.5} sx={{ m: 0 }} aria-label={t('ticket.preview')}>
      <Row label={t('ticket.preview.quantity')} value={preview ? about(`${format.quantity(preview.quantity)} ${asset}`) : dash} />
      <Row label={t('ticket.preview.price')} value={preview ? about(format.price(preview.price)) : dash} />
      <Row label={t('ticket.preview.notional')} value={preview ? about(format.preciseMoney(preview.notional)) : dash} />
      <Row
        label={t('ticket.preview.fee', { rate: format.percentPlain(new Dec(feeRate).times(100).toFixed()) })}
        value={preview ? about(format.preciseMoney(preview.fee)) : dash}
      />
      <Row
        label={side === 'BUY' ? t('ticket.preview.totalBuy') : t('ticket.preview.totalSell')}
        value={preview ? about(format.preciseMoney(preview.total)) : dash}
        strong
      />
    </Stack>
  );
}
