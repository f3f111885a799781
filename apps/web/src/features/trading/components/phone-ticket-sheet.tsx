import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useDispatch, useSelector } from 'react-redux';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { OrderSide } from '@cryptosim/contracts';
import { useT } from '@/lib/i18n';
import { draftChanged, selectTicketRequests, type OrderDraftsState } from '../store/order-draft-slice';

export interface PhoneTicketSheetProps {
  symbol: string;
  baseAsset: string;
  /** The skip link's target: on a phone the bar stands where the ticket stood. */
  focusId?: string;
  /** The ticket itself, shown in the sheet. */
  children: ReactNode;
}

/** Room at the page's end so the fixed bar never covers the last row. */
const BAR_HEIGHT = 72;

/**
 * The ticket on a phone: a Buy/Sell bar fixed at the bottom of the screen (thumb reach, always
 * visible under the chart) that opens the ticket as a bottom sheet with that side chosen. The
 * buttons take the ticket's up/down colours (red-up for Korean readers, contrast-checked). A
 * request for the ticket from elsewhere (a guide, a filled draft) opens the sheet too.
 */
export function PhoneTicketSheet({ symbol, baseAsset, focusId, children }: PhoneTicketSheetProps) {
  const t = useT();
  const dispatch = useDispatch();
  const [open, setOpen] = useState(false);
  const requests = useSelector((state: { orderDrafts: OrderDraftsState }) => selectTicketRequests(state));
  const seen = useRef(requests);
  useEffect(() => {
    if (requests === seen.current) return;
    seen.current = requests;
    setOpen(true);
  }, [requests]);

  const openFor = (side: OrderSide) => {
    dispatch(draftChanged({ symbol, patch: { side } }));
    setOpen(true);
  };

  return (
    <>
      <Box aria-hidden sx={{ height: BAR_HEIGHT }} />
      <Paper
        component="section"
        id={focusId}
        tabIndex={focusId ? -1 : undefined}
        aria-label={t('ticket.phoneBar', { symbol })}
        elevation={8}
        square
        sx={{ position: 'fixed', left: 0, right: 0, bottom: 0, zIndex: (theme) => theme.zIndex.appBar, p: 1.5, pb: 'calc(12px + env(safe-area-inset-bottom))' }}
      >
        <Stack direction="row" spacing={1.5}>
          <Button fullWidth size="large" variant="contained" color="up" onClick={() => openFor('BUY')}>
            {t('ticket.submitBuy', { asset: baseAsset })}
          </Button>
          <Button fullWidth size="large" variant="contained" color="down" onClick={() => openFor('SELL')}>
            {t('ticket.submitSell', { asset: baseAsset })}
          </Button>
        </Stack>
      </Paper>
      <Drawer
        anchor="bottom"
        open={open}
        // Kept mounted while closed: the ticket's live order and balance events keep flowing,
        // and what was typed is still there when the sheet opens again.
        keepMounted
        onClose={() => setOpen(false)}
        slotProps={{ paper: { sx: { maxHeight: '92vh', borderTopLeftRadius: 12, borderTopRightRadius: 12 }, role: 'dialog', 'aria-modal': true, 'aria-label': t('ticket.title') } }}
      >
        <Stack direction="row" sx={{ alignItems: 'center', px: 2, pt: 1 }}>
          <Typography variant="subtitle1" component="p" sx={{ flexGrow: 1, fontWeight: 600 }}>
            {t('ticket.title')} · {symbol}
          </Typography>
          <IconButton aria-label={t('ticket.closeSheet')} onClick={() => setOpen(false)}>
            <span aria-hidden>✕</span>
          </IconButton>
        </Stack>
        <Box sx={{ overflowY: 'auto' }}>{children}</Box>
      </Drawer>
    </>
  );
}
