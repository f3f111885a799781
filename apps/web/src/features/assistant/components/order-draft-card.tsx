import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ChatOrderDraft } from '@cryptosim/contracts';
import { useFormat, useT } from '@/lib/i18n';

/**
 * An order the assistant prepared, shown for the user to check. Its one action opens the
 * normal order ticket filled in; the card itself places nothing.
 */
export function OrderDraftCard({ draft, onOpen }: { draft: ChatOrderDraft; onOpen: (draft: ChatOrderDraft) => void }) {
  const t = useT();
  const fmt = useFormat();
  const { request, estimate } = draft;
  const rows: Array<[string, string]> = [[t('assistant.draft.type'), t(`orderType.${request.type}`)]];
  if (request.quantity !== undefined) rows.push([t('assistant.draft.quantity'), fmt.quantity(request.quantity)]);
  if (request.quoteAmount !== undefined) rows.push([t('assistant.draft.quoteAmount'), fmt.money(request.quoteAmount)]);
  if (request.price !== undefined) rows.push([t('assistant.draft.price'), fmt.price(request.price)]);
  if (request.stopPrice !== undefined) rows.push([t('assistant.draft.stopPrice'), fmt.price(request.stopPrice)]);
  if (estimate) {
    rows.push([t('assistant.draft.estimatePrice'), fmt.price(estimate.price)]);
    if (request.quantity === undefined) rows.push([t('assistant.draft.quantity'), fmt.quantity(estimate.quantity)]);
    rows.push([t('assistant.draft.notional'), fmt.preciseMoney(estimate.notional)]);
    rows.push([t('assistant.draft.fee'), fmt.preciseMoney(estimate.fee)]);
    rows.push([t(`assistant.draft.total.${draft.side}`), fmt.preciseMoney(estimate.total)]);
  }
  return (
    <Card variant="outlined" sx={{ mt: 1, borderStyle: 'dashed' }}>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Typography component="p" variant="subtitle2">
          {t('assistant.draft.title', { side: t(`side.${draft.side}`), symbol: request.symbol })}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{t('assistant.draft.notPlaced')}</Typography>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: 2, rowGap: 0.25, m: 0, mb: 1.5 }}>
          {rows.map(([label, value]) => (
            <Box key={label} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" color="text.secondary">{label}</Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}>{value}</Typography>
            </Box>
          ))}
        </Box>
        {draft.problems.length > 0 ? (
          <Alert severity="warning" sx={{ mb: 1.5 }}>
            {t('assistant.draft.problems')}
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {draft.problems.map((problem) => <li key={problem.code}>{problem.message}</li>)}
            </Box>
          </Alert>
        ) : null}
        <Button variant="contained" size="small" onClick={() => onOpen(draft)}>{t('assistant.draft.open')}</Button>
      </CardContent>
    </Card>
  );
}
