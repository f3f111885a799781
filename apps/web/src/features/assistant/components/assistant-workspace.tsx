import Box from '@mui/material/Box';
import type { ChatOrderDraft } from '@cryptosim/contracts';
import { Panel } from '@/components/panel';
import { PanelBoundary } from '@/components/panel-boundary';
import { useT } from '@/lib/i18n';
import { useChat } from '../hooks/use-chat';
import { AIChat } from './ai-chat';
import { ConversationList } from './conversation-list';

/** The AI page's main part: the chat, with the stored conversations beside it (above it on a phone, after the chat). */
export function AssistantWorkspace({ onOpenDraft }: { onOpenDraft: (draft: ChatOrderDraft) => void }) {
  const t = useT();
  const chat = useChat();
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: '280px minmax(0, 1fr)' }, alignItems: 'start' }}>
      <Box sx={{ order: { xs: 2, lg: 1 }, minWidth: 0 }}>
        <Panel title={t('assistant.conversations')}>
          <PanelBoundary>
            <ConversationList chat={chat} />
          </PanelBoundary>
        </Panel>
      </Box>
      <Box sx={{ order: { xs: 1, lg: 2 }, minWidth: 0 }}>
        <Panel title={t('assistant.title')}>
          <AIChat chat={chat} onOpenDraft={onOpenDraft} />
        </Panel>
      </Box>
    </Box>
  );
}
