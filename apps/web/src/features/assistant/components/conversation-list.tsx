import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import { DeleteIcon } from '@/components/icons';
import { useT } from '@/lib/i18n';
import { useConversations, useDeleteConversation, useOpenConversation } from '../api/conversations';
import type { ChatController } from '../hooks/use-chat';

/** The user's stored conversations: open one into the chat, delete one, or start afresh. */
export function ConversationList({ chat }: { chat: ChatController }) {
  const t = useT();
  const { data, isPending, isError, hasNextPage, fetchNextPage, isFetchingNextPage, isFetchNextPageError } = useConversations();
  const conversations = data?.pages.flatMap((page) => page.conversations) ?? [];
  const opening = useOpenConversation();
  const deleting = useDeleteConversation();

  const open = (id: string) => opening.mutate(id, { onSuccess: (conversation) => chat.open(conversation) });
  const remove = (id: string) =>
    deleting.mutate(id, {
      onSuccess: () => {
        if (chat.conversationId === id) chat.clear();
      },
    });

  return (
    <Box>
      <Button variant="outlined" size="small" onClick={chat.clear} disabled={chat.turns.length === 0} sx={{ mb: 1.5 }}>
        {t('assistant.new')}
      </Button>
      {opening.isError ? <Alert severity="error" sx={{ mb: 1 }}>{t('assistant.conversations.openError')}</Alert> : null}
      {deleting.isError ? <Alert severity="error" sx={{ mb: 1 }}>{t('assistant.conversations.deleteError')}</Alert> : null}
      {isPending ? (
        <Typography variant="body2" color="text.secondary" role="status">{t('common.loading')}</Typography>
      ) : isError ? (
        <Alert severity="error">{t('assistant.conversations.error')}</Alert>
      ) : conversations.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{t('assistant.conversations.empty')}</Typography>
      ) : (
        <Box sx={{ maxHeight: { xs: 240, lg: 480 }, overflowY: 'auto' }}>
          <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {conversations.map((conversation) => {
              const current = conversation.id === chat.conversationId;
              return (
                <Box component="li" key={conversation.id} sx={{ display: 'flex', alignItems: 'center', gap: 0.5, minWidth: 0 }}>
                  <Button
                    onClick={() => open(conversation.id)}
                    aria-current={current ? 'true' : undefined}
                    sx={{ flexGrow: 1, minWidth: 0, justifyContent: 'flex-start', textAlign: 'left', textTransform: 'none', fontWeight: current ? 700 : 400, color: 'text.primary' }}
                  >
                    <Box component="span" sx={{ display: 'block', minWidth: 0 }}>
                      <Box component="span" sx={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{conversation.title}</Box>
                      <Typography component="span" variant="caption" color="text.secondary">
                        {t('assistant.conversations.messages', { count: conversation.messageCount })}
                      </Typography>
                    </Box>
                  </Button>
                  <IconButton
                    size="small"
                    aria-label={t('assistant.conversations.delete', { title: conversation.title })}
                    onClick={() => remove(conversation.id)}
                    disabled={deleting.isPending}
                  >
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                </Box>
              );
            })}
          </Box>
          {isFetchNextPageError ? <Alert severity="error" sx={{ mt: 1 }}>{t('assistant.conversations.moreError')}</Alert> : null}
          {hasNextPage ? (
            <Button size="small" sx={{ mt: 1 }} onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
              {t('assistant.conversations.more')}
            </Button>
          ) : null}
        </Box>
      )}
    </Box>
  );
}
