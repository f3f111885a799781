import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ChatOrderDraft } from '@cryptosim/contracts';
import { useT } from '@/lib/i18n';
import type { ChatTurn as Turn } from '../state/chat-state';
import { ChatMarkdown } from './chat-markdown';
import { failureText } from './failure-text';
import { OrderDraftCard } from './order-draft-card';
import { ToolChips } from './tool-chips';

/** One message: the user's question as typed, or the assistant's answer with what it was built from. */
export function ChatTurn({ turn, onOpenDraft }: { turn: Turn; onOpenDraft: (draft: ChatOrderDraft) => void }) {
  const t = useT();
  const mine = turn.role === 'user';
  return (
    <Box
      component="li"
      sx={{
        alignSelf: mine ? 'flex-end' : 'stretch',
        maxWidth: mine ? '85%' : '100%',
        minWidth: 0,
        px: 1.5,
        py: 1,
        borderRadius: 2,
        bgcolor: mine ? 'action.selected' : 'transparent',
        border: mine ? 'none' : 1,
        borderColor: 'divider',
      }}
    >
      <Typography component="p" variant="caption" color="text.secondary" sx={{ fontWeight: 600 }}>
        {mine ? t('assistant.you') : t('assistant.bot')}
      </Typography>
      {mine ? (
        <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{turn.text}</Typography>
      ) : (
        <>
          <ToolChips tools={turn.tools} />
          {turn.text ? <ChatMarkdown text={turn.text} /> : null}
          {turn.status === 'streaming' && turn.text === '' ? (
            <Typography color="text.secondary">{t('assistant.thinking')}</Typography>
          ) : null}
          {turn.notes.map((note) => (
            <Alert key={note.code} severity="info" sx={{ mt: 1 }}>{note.message}</Alert>
          ))}
          {turn.drafts.map((draft, i) => (
            <OrderDraftCard key={i} draft={draft} onOpen={onOpenDraft} />
          ))}
          {turn.status === 'stopped' ? (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>{t('assistant.stopped')}</Typography>
          ) : null}
          {turn.failure ? (
            <Alert severity="error" sx={{ mt: 1 }}>{failureText(t, turn.failure)}</Alert>
          ) : null}
        </>
      )}
    </Box>
  );
}
