/**
 * A server-to-client WebSocket text frame (RFC 6455 §5.2: FIN, opcode 1, unmasked), header
 * and payload in one buffer. The hub builds it once per update and every socket following
 * the symbol gets the same bytes with one plain socket write: the fan-out's cost is the
 * write system call (see BENCHMARKS.md), and this leaves nothing else per socket — no
 * header allocated, no second chunk to gather, no per-send options. Valid only on sockets
 * without permessage-deflate (ws's server default, which websocket.ts keeps): with it, ws
 * could hold frames of its own back and ours would overtake them.
 */
const FIN_TEXT = 0x81;

export function textFrame(payload: Buffer): Buffer {
  const length = payload.length;
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = FIN_TEXT;
  if (headerLength === 2) {
    frame[1] = length;
  } else if (headerLength === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  payload.copy(frame, headerLength);
  return frame;
}
