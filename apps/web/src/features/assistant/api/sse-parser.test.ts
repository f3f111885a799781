import { describe, expect, it } from 'vitest';
import { readSse, SseParser, type SseMessage } from './sse-parser';

const encoder = new TextEncoder();

/** A body that delivers `bytes` cut at the given offsets, one chunk per read. */
function chunkedBody(bytes: Uint8Array, cuts: number[]): ReadableStream<Uint8Array> {
  const edges = [0, ...cuts, bytes.length];
  const chunks = edges.slice(1).map((end, i) => bytes.slice(edges[i], end));
  return new ReadableStream({
    pull(controller) {
      const next = chunks.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<SseMessage[]> {
  const seen: SseMessage[] = [];
  await readSse(body, (message) => seen.push(message));
  return seen;
}

const STREAM = [
  ': keep-alive comment',
  'data: {"type":"tool","name":"get_price","summary":"BTCUSDT 97,000.10"}',
  '',
  'event: message',
  'data: {"type":"delta","text":"비트코인은 "}',
  '',
  'data: {"type":"delta","text":"97,000.10 USDT입니다."}',
  '',
  'data: {"type":"done","conversationId":"c-1","messageId":3,"mode":"builtin"}',
  '',
  '',
].join('\n');

const EXPECTED = [
  '{"type":"tool","name":"get_price","summary":"BTCUSDT 97,000.10"}',
  '{"type":"delta","text":"비트코인은 "}',
  '{"type":"delta","text":"97,000.10 USDT입니다."}',
  '{"type":"done","conversationId":"c-1","messageId":3,"mode":"builtin"}',
];

describe('server-sent events parser', () => {
  it('when the stream arrives whole, then every event comes out once with its data', async () => {
    const seen = await readAll(chunkedBody(encoder.encode(STREAM), []));
    expect(seen.map((m) => m.data)).toEqual(EXPECTED);
    expect(seen.every((m) => m.event === 'message'), 'no event name means "message"').toBe(true);
  });

  it('when the stream is cut at every byte (inside lines, inside Korean characters), then the same events come out', async () => {
    const bytes = encoder.encode(STREAM);
    const everyByte = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    const seen = await readAll(chunkedBody(bytes, everyByte));
    expect(seen.map((m) => m.data), 'events split across chunks are reassembled, UTF-8 included').toEqual(EXPECTED);
  });

  it('when the stream is cut at random places, then the same events come out', async () => {
    const bytes = encoder.encode(STREAM);
    let seed = 7;
    for (let round = 0; round < 50; round++) {
      const cuts = new Set<number>();
      for (let k = 0; k < 6; k++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        cuts.add(1 + (seed % (bytes.length - 1)));
      }
      const ordered = [...cuts].sort((a, b) => a - b);
      expect((await readAll(chunkedBody(bytes, ordered))).map((m) => m.data), `cuts at ${ordered.join(',')}`).toEqual(EXPECTED);
    }
  });

  it('when lines end in CRLF split between pieces, or in bare CR, then they are read as line ends', () => {
    const parser = new SseParser();
    const out = [...parser.push('data: a\r'), ...parser.push('\n\r'), ...parser.push('\ndata: b\r\r'), ...parser.end()];
    expect(out.map((m) => m.data)).toEqual(['a', 'b']);
  });

  it('when an event has several data lines, a name and no space after the colon, then the lines are joined by newlines', () => {
    const parser = new SseParser();
    expect(parser.push('event:note\ndata:one\ndata: two\nid: 4\nretry: 10\n\n')).toEqual([{ event: 'note', data: 'one\ntwo' }]);
  });

  it('when the stream ends without the blank line that closes an event, then that partial event is dropped', async () => {
    const seen = await readAll(chunkedBody(encoder.encode('data: {"type":"delta","text":"a"}\n\ndata: {"type":"delta","te'), [10]));
    expect(seen.map((m) => m.data)).toEqual(['{"type":"delta","text":"a"}']);
  });
});
