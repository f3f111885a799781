import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConversationDetail, ConversationsResponse } from '@cryptosim/contracts';
import { USER_QUERY_ROOT, useApiClient } from '@/lib/api';

export const conversationsKey = [USER_QUERY_ROOT, 'ai', 'conversations'] as const;

/**
 * GET /api/ai/conversations: the user's own, most recently updated first, one cursor page at a
 * time ("load more"); the server's default page size.
 */
export function useConversations() {
  const api = useApiClient();
  return useInfiniteQuery({
    queryKey: conversationsKey,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.request<ConversationsResponse>(pageParam ? `/api/ai/conversations?${new URLSearchParams({ cursor: pageParam })}` : '/api/ai/conversations', { auth: true, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** GET /api/ai/conversations/:id, fetched when the user opens one. */
export function useOpenConversation() {
  const api = useApiClient();
  return useMutation({
    mutationFn: (id: string) => api.request<ConversationDetail>(`/api/ai/conversations/${encodeURIComponent(id)}`, { auth: true }),
  });
}

/** DELETE /api/ai/conversations/:id, then the list is read again. */
export function useDeleteConversation() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.request<void>(`/api/ai/conversations/${encodeURIComponent(id)}`, { auth: true, method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: conversationsKey }),
  });
}
