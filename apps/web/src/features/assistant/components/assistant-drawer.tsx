import { useCallback, useId, useState } from 'react';
import type { ChatOrderDraft } from '@cryptosim/contracts';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { CloseIcon } from '@/components/icons';
import { useT } from '@/lib/i18n';
import { useIsSignedIn } from '@/lib/session';
import { useChat } from '../hooks/use-chat';
import { AIChat } from './ai-chat';

/**
 * The assistant beside the Trade page: a button that opens the chat in a side drawer (full
 * width on a phone). The chat knows the symbol on screen. Closing the drawer keeps the
 * conversation; another symbol starts a fresh one (the page keys the drawer by symbol).
 */
export function AssistantDrawer({ symbol, onOpenDraft }: { symbol: string; onOpenDraft: (draft: ChatOrderDraft) => void }) {
  const t = useT();
  const signedIn = useIsSignedIn();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const chat = useChat(symbol);
  const close = useCallback(() => setOpen(false), []);
  const openDraft = useCallback((draft: ChatOrderDraft) => {
    setOpen(false);
    onOpenDraft(draft);
  }, [onOpenDraft]);
  if (!signedIn) return null;
  return (
    <>
      <Button variant="outlined" size="small" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {t('assistant.drawer.open')}
      </Button>
      <Drawer
        anchor="right"
        open={open}
        onClose={close}
        slotProps={{ paper: { role: 'dialog', 'aria-labelledby': titleId, sx: { width: { xs: '100%', sm: 440 } } } }}
      >
        <Box sx={{ p: 2 }}>
          <Stack direction="row" sx={{ alignItems: 'center', mb: 1.5, gap: 1 }}>
            <Typography id={titleId} variant="h6" component="h2" sx={{ flexGrow: 1 }}>
              {t('assistant.drawer.title', { symbol })}
            </Typography>
            <Button size="small" onClick={chat.clear} disabled={chat.turns.length === 0}>{t('assistant.new')}</Button>
            <IconButton aria-label={t('assistant.drawer.close')} onClick={close}>
              <CloseIcon />
            </IconButton>
          </Stack>
          <AIChat chat={chat} symbol={symbol} onOpenDraft={openDraft} logHeight="calc(100vh - 240px)" />
        </Box>
      </Drawer>
    </>
  );
}
