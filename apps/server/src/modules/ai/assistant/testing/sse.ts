import type { ChatStreamEvent } from '@cryptosim/contracts';

/** The `data:` frames of a text/event-stream body, parsed. */
export function parseSse(body: string): ChatStreamEvent[] {
  return body
    .split('\n\n')
    .map((frame) => frame.trim())
    .filter((frame) => frame.startsWith('data: '))
    .map((frame) => JSON.parse(frame.slice('data: '.length)) as ChatStreamEvent);
}
