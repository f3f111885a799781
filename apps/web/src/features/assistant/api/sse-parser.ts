/** One server-sent event: its `event:` name ("message" when none) and its `data:` lines joined by "\n". */
export interface SseMessage {
  event: string;
  data: string;
}

/**
 * An incremental parser of the `text/event-stream` format (WHATWG HTML §9.2.6). Text arrives
 * in arbitrary pieces; a line, or a "\r\n" pair, may be split across two of them, so only
 * complete lines are read and the rest waits for the next piece. Comments (": …"), `id:` and
 * `retry:` lines are read and dropped: a POST stream is never resumed.
 */
export class SseParser {
  #pending = '';
  #data: string[] = [];
  #event = '';

  /** Feeds decoded text; returns the events completed by it. */
  push(text: string): SseMessage[] {
    this.#pending += text;
    const out: SseMessage[] = [];
    let start = 0;
    for (let i = 0; i < this.#pending.length; i++) {
      const ch = this.#pending[i];
      if (ch !== '\n' && ch !== '\r') continue;
      // A "\r" at the very end may be the first half of "\r\n": wait for the next piece.
      if (ch === '\r' && i === this.#pending.length - 1) break;
      this.#line(this.#pending.slice(start, i), out);
      if (ch === '\r' && this.#pending[i + 1] === '\n') i++;
      start = i + 1;
    }
    this.#pending = this.#pending.slice(start);
    return out;
  }

  /** The stream ended: a trailing "\r" closes its line; an event without its blank line is dropped, as the spec says. */
  end(): SseMessage[] {
    const out: SseMessage[] = [];
    if (this.#pending.endsWith('\r')) this.#line(this.#pending.slice(0, -1), out);
    this.#pending = '';
    this.#data = [];
    this.#event = '';
    return out;
  }

  #line(line: string, out: SseMessage[]): void {
    if (line === '') {
      if (this.#data.length > 0) out.push({ event: this.#event || 'message', data: this.#data.join('\n') });
      this.#data = [];
      this.#event = '';
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#event = value;
  }
}

/**
 * Reads a response body as server-sent events, calling `onMessage` for each one as it
 * completes. Bytes are decoded in streaming mode, so a UTF-8 character (a Korean syllable
 * is three bytes) split between two chunks comes out whole.
 */
export async function readSse(body: ReadableStream<Uint8Array>, onMessage: (message: SseMessage) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parser = new SseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const message of parser.push(decoder.decode(value, { stream: true }))) onMessage(message);
    }
    for (const message of parser.push(decoder.decode())) onMessage(message);
    for (const message of parser.end()) onMessage(message);
  } finally {
    reader.releaseLock();
  }
}
