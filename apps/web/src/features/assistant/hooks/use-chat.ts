import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ConversationDetail } from '@cryptosim/contracts';
import { ApiError, useApiClient } from '@/lib/api';
import { useI18n } from '@/lib/i18n';
import { conversationsKey } from '../api/conversations';
import { streamChat } from '../api/stream-chat';
import { chatReducer, EMPTY_CHAT, type ChatFailure } from '../state/chat-state';

/** What went wrong, in the terms the UI words: the problem code and status when there was a reply. */
export function failureOf(error: unknown): ChatFailure {
  if (error instanceof ApiError) {
    if (error.status === 429) return { kind: 'rateLimited', retryAfterSeconds: error.retryAfterSeconds };
    if (error.status === 400) return { kind: 'invalid' };
    if (error.status === 404) return { kind: 'notFound' };
    if (error.status === 0) return { kind: 'network' };
    return { kind: 'server', code: error.code };
  }
  // fetch and a body read that fails mid-stream reject with a TypeError: the connection broke.
  return { kind: 'network' };
}

/**
 * One chat: ask, stream the answer in, stop it, open or leave a stored conversation.
 * `symbol` is the coin on screen (the Trade page drawer), sent so "how much is it?" has a
 * subject; the UI language is sent for questions that show none of their own. After a 429
 * with Retry-After, `retryAt` (epoch ms) says when asking is allowed again; until then `ask`
 * sends nothing.
 */
export function useChat(symbol?: string) {
  const api = useApiClient();
  const { language } = useI18n();
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(chatReducer, EMPTY_CHAT);
  const controller = useRef<AbortController | null>(null);
  const asked = useRef(0);
  const [retryAt, setRetryAt] = useState<number | null>(null);

  // Leaving the page closes the stream: the server stops and stores nothing for that turn.
  useEffect(() => () => controller.current?.abort(), []);

  const ask = useCallback(
    async (question: string) => {
      const message = question.trim();
      if (message === '' || controller.current || (retryAt !== null && Date.now() < retryAt)) return;
      const abort = new AbortController();
      controller.current = abort;
      asked.current += 1;
      dispatch({ type: 'asked', question: message, key: `t${asked.current}` });
      try {
        const request = {
          message,
          language,
          ...(state.conversationId ? { conversationId: state.conversationId } : {}),
          ...(symbol ? { symbol } : {}),
        };
        const { finished } = await streamChat(api, request, (event) => dispatch({ type: 'event', event }), abort.signal);
        if (!finished) dispatch({ type: 'failed', failure: { kind: 'cutOff' } });
        void queryClient.invalidateQueries({ queryKey: conversationsKey });
      } catch (error) {
        if (abort.signal.aborted) {
          dispatch({ type: 'stopped' });
        } else {
          const failure = failureOf(error);
          if (failure.kind === 'rateLimited' && failure.retryAfterSeconds !== undefined) setRetryAt(Date.now() + failure.retryAfterSeconds * 1000);
          dispatch({ type: 'failed', failure });
        }
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [api, language, queryClient, retryAt, state.conversationId, symbol],
  );

  const stop = useCallback(() => controller.current?.abort(), []);
  const open = useCallback((conversation: ConversationDetail) => {
    controller.current?.abort();
    controller.current = null;
    dispatch({ type: 'opened', conversation });
  }, []);
  const clear = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    dispatch({ type: 'cleared' });
  }, []);

  return { ...state, retryAt, ask, stop, open, clear };
}

export type ChatController = ReturnType<typeof useChat>;
