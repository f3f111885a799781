import { useEffect, useRef } from 'react';
import type { ChatOrderDraft } from '@cryptosim/contracts';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useT } from '@/lib/i18n';
import type { ChatController } from '../hooks/use-chat';
import { useSecondsUntil } from '../hooks/use-seconds-until';
import { ChatComposer } from './chat-composer';
import { ChatTurn } from './chat-turn';
import { SuggestedQuestions } from './suggested-questions';

export interface AIChatProps {
  chat: ChatController;
  /** The coin on screen (the Trade page drawer): suggestions name it and questions default to it. */
  symbol?: string;
  /** Confirm on an order draft card: open the order ticket filled with it (the assistant never places an order). */
  onOpenDraft: (draft: ChatOrderDraft) => void;
  /** Height of the scrolling message log. */
  logHeight?: Record<string, string | number> | string | number;
}

/**
 * The assistant chat: the conversation as a live log, suggestions while it is empty, and
 * the question box. The log is announced politely but held back (aria-busy) while an answer
 * streams, so a screen reader reads the finished answer once instead of every fragment.
 */
export function AIChat({ chat, symbol, onOpenDraft, logHeight = { xs: '55vh', md: 480 } }: AIChatProps) {
  const t = useT();
  const log = useRef<HTMLDivElement>(null);
  const last = chat.turns.at(-1);
  const waitSeconds = useSecondsUntil(chat.retryAt);

  // Follow the answer as it grows.
  useEffect(() => {
    const element = log.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [chat.turns.length, last?.text, last?.tools.length, last?.drafts.length, last?.status]);

  return (
    <Stack spacing={1.5} sx={{ minWidth: 0 }}>
      {chat.turns.length === 0 ? (
        <>
          <Typography variant="body2" color="text.secondary">{t('assistant.intro')}</Typography>
          <SuggestedQuestions symbol={symbol} onAsk={(question) => void chat.ask(question)} disabled={chat.busy || waitSeconds > 0} />
        </>
      ) : (
        <Box
          ref={log}
          role="log"
          aria-label={t('assistant.log')}
          aria-busy={chat.busy}
          // Scrollable, so it must be reachable by keyboard to be scrolled.
          tabIndex={0}
          sx={{
            p: 1,
            maxHeight: logHeight,
            overflowY: 'auto',
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineStyle: 'solid' },
          }}
        >
          <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
            {chat.turns.map((turn) => (
              <ChatTurn key={turn.key} turn={turn} onOpenDraft={onOpenDraft} />
            ))}
          </Box>
        </Box>
      )}
      <ChatComposer busy={chat.busy} waitSeconds={waitSeconds} onAsk={(question) => void chat.ask(question)} onStop={chat.stop} />
    </Stack>
  );
}
