import type { ChatRequest, ChatStreamEvent } from '@cryptosim/contracts';
import type { ApiClient } from '@/lib/api';
import { readSse } from './sse-parser';

const EVENT_TYPES = new Set<string>(['delta', 'tool', 'draft', 'note', 'done', 'error']);

/** A frame's JSON as one of the known events; a frame of a kind this client does not know is skipped. */
export function parseChatEvent(data: string): ChatStreamEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && EVENT_TYPES.has(type) ? (value as ChatStreamEvent) : null;
}

/**
 * POST /api/ai/chat and reads its event stream, handing each event to `onEvent` as it
 * arrives. Resolves with whether the stream ended properly (a `done` or `error` frame);
 * a stream that just stops was cut off. Aborting `signal` stops reading and closes the
 * connection, which tells the server to stop and store nothing for this turn.
 */
export async function streamChat(
  api: ApiClient,
  request: ChatRequest,
  onEvent: (event: ChatStreamEvent) => void,
  signal: AbortSignal,
): Promise<{ finished: boolean }> {
  const response = await api.stream('/api/ai/chat', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify(request),
    signal,
  });
  if (!response.body) return { finished: false };
  let finished = false;
  await readSse(response.body, (message) => {
    const event = parseChatEvent(message.data);
    if (!event) return;
    if (event.type === 'done' || event.type === 'error') finished = true;
    onEvent(event);
  });
  return { finished };
}
