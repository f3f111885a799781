import type { ReactNode } from 'react';
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { ChatOrderDraft, ChatStreamEvent } from '@cryptosim/contracts';
import { AppProvider } from '@/app/provider';
import { createAppStore, type PreferencesState } from '@/app/store';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { signedInSession } from '@/testing/render-app';

/** One assistant component inside the real providers, English and signed in unless told otherwise. */
export function renderChat(ui: ReactNode, preferences: Partial<PreferencesState> = {}) {
  const store = createAppStore({ preferences: { language: 'en', theme: 'light', ...preferences }, session: signedInSession() });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <AppProvider store={store} queryClient={queryClient} webSocket={FakeWebSocket}>
      <MemoryRouter>{ui}</MemoryRouter>
    </AppProvider>,
  );
}

const encoder = new TextEncoder();

export interface SseReplyOptions {
  /** Cut the bytes into pieces of this many bytes, as a network may deliver them. */
  chunkBytes?: number;
  /** Keep the stream open after the events (an answer still being written) until the request is aborted. */
  hang?: boolean;
  signal?: AbortSignal | null;
}

/**
 * A `text/event-stream` reply carrying `events` as the server frames them (`data: <json>\n\n`).
 * A hanging stream errors with an AbortError once `signal` aborts, as a real fetch body does.
 */
export function sseReply(events: readonly ChatStreamEvent[], { chunkBytes, hang = false, signal }: SseReplyOptions = {}): Response {
  const bytes = encoder.encode(events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join(''));
  const size = chunkBytes ?? Math.max(1, bytes.length);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.slice(i, i + size));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      if (!hang) {
        controller.close();
        return;
      }
      signal?.addEventListener('abort', () => controller.error(new DOMException('The operation was aborted.', 'AbortError')));
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

export const buyDraft: ChatOrderDraft = {
  side: 'BUY',
  request: { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.01', price: '95000' },
  estimate: { price: '95000', quantity: '0.01', notional: '950', fee: '0.95', total: '950.95' },
  problems: [],
};
