/**
 * A minimal RFC 6455 client for the fan-out benches' load generator: the handshake (with the
 * Sec-WebSocket-Accept check), unmasked server frames parsed straight from the socket's
 * chunks, masked text frames out, and pong replies to the server's pings. ws costs the
 * clients' process more CPU per frame than the server spends sending it (measured: 11–12 µs
 * vs 9 µs), and the two share this machine's two cores, so with ws the load generator, not
 * the server, set the limit. Anything it does not expect from our server (a masked or
 * fragmented frame, a reserved bit, a bad accept key) is an error, never skipped.
 */
import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const Opcode = { Text: 0x1, Close: 0x8, Ping: 0x9, Pong: 0xa } as const;
type Opcode = (typeof Opcode)[keyof typeof Opcode];

/**
 * Shared by every client of the process: a read's bytes are parsed before the next read, and
 * the only bytes kept (a frame cut between reads) are copied out.
 */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

export interface LeanClientOptions {
  headers?: Record<string, string>;
  onText(payload: Buffer): void;
  onClose?(error?: Error): void;
}

/** A client frame: FIN + opcode, the mask bit and key, the payload masked (§5.3). */
function clientFrame(opcode: Opcode, payload: Buffer): Buffer {
  if (payload.length > 65_535) throw new Error('lean client frames are small commands');
  const header = payload.length < 126 ? 2 : 4;
  const frame = Buffer.allocUnsafe(header + 4 + payload.length);
  frame[0] = 0x80 | opcode;
  if (header === 2) frame[1] = 0x80 | payload.length;
  else {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(payload.length, 2);
  }
  const mask = randomBytes(4);
  mask.copy(frame, header);
  for (let i = 0; i < payload.length; i++) frame[header + 4 + i] = payload[i]! ^ mask[i & 3]!;
  return frame;
}

export class LeanWebSocket {
  readonly #socket: net.Socket;
  #pending: Buffer | undefined;
  #open = false;

  private constructor(
    socket: net.Socket,
    private readonly options: LeanClientOptions,
  ) {
    this.#socket = socket;
  }

  get open(): boolean {
    return this.#open;
  }

  /** Resolves once the server answered 101 with the right accept key. */
  static connect(url: string, options: LeanClientOptions): Promise<LeanWebSocket> {
    const { hostname, port, pathname, search } = new URL(url);
    const key = randomBytes(16).toString('base64');
    const accept = createHash('sha1').update(key + GUID).digest('base64');
    return new Promise((resolve, reject) => {
      let head: Buffer | undefined = Buffer.alloc(0);
      const fail = (err: Error) => {
        socket.destroy();
        reject(err);
      };
      const onHandshake = (chunk: Buffer) => {
        head = Buffer.concat([head!, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        const lines = head.subarray(0, end).toString('latin1').split('\r\n');
        if (!/^HTTP\/1\.1 101 /.test(lines[0] ?? '')) return fail(new Error(`handshake refused: ${lines[0]}`));
        const acceptLine = lines.find((l) => l.toLowerCase().startsWith('sec-websocket-accept:'));
        if (acceptLine?.slice(acceptLine.indexOf(':') + 1).trim() !== accept) return fail(new Error('handshake: wrong Sec-WebSocket-Accept'));
        const rest = head.subarray(end + 4);
        head = undefined;
        socket.off('error', fail);
        socket.on('error', (err) => client.#closed(err));
        socket.on('close', () => client.#closed());
        client.#open = true;
        resolve(client);
        if (rest.length > 0) client.#receive(rest);
      };
      const socket = net.connect({
        host: hostname,
        port: Number(port),
        // Reads land in one reused buffer instead of a fresh allocation and a 'data' event per read.
        onread: {
          buffer: READ_BUFFER,
          callback: (bytes) => {
            const chunk = READ_BUFFER.subarray(0, bytes);
            if (head) onHandshake(chunk);
            else client.#receive(chunk);
            return true;
          },
        },
      });
      const client = new LeanWebSocket(socket, options);
      socket.setNoDelay(true);
      socket.once('error', fail);
      socket.once('connect', () => {
        const extra = Object.entries(options.headers ?? {}).map(([k, v]) => `${k}: ${v}\r\n`).join('');
        socket.write(
          `GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`,
        );
      });
    });
  }

  sendText(text: string): void {
    this.#socket.write(clientFrame(Opcode.Text, Buffer.from(text)));
  }

  terminate(): void {
    this.#socket.destroy();
  }

  #closed(error?: Error): void {
    if (!this.#open) return;
    this.#open = false;
    this.options.onClose?.(error);
  }

  #protocolError(message: string): void {
    this.#socket.destroy();
    this.#closed(new Error(`WebSocket protocol: ${message}`));
  }

  #receive(chunk: Buffer): void {
    const data = this.#pending ? Buffer.concat([this.#pending, chunk]) : chunk;
    this.#pending = undefined;
    let at = 0;
    while (data.length - at >= 2) {
      const b0 = data[at]!;
      const b1 = data[at + 1]!;
      if ((b0 & 0x70) !== 0) return this.#protocolError('reserved bits set');
      if ((b0 & 0x80) === 0) return this.#protocolError('fragmented frame');
      if ((b1 & 0x80) !== 0) return this.#protocolError('masked server frame');
      let length = b1 & 0x7f;
      let header = 2;
      if (length === 126) {
        if (data.length - at < 4) break;
        length = data.readUInt16BE(at + 2);
        header = 4;
      } else if (length === 127) {
        if (data.length - at < 10) break;
        length = Number(data.readBigUInt64BE(at + 2));
        header = 10;
      }
      if (data.length - at < header + length) break;
      const payload = data.subarray(at + header, at + header + length);
      at += header + length;
      const opcode = b0 & 0x0f;
      if (opcode === Opcode.Text) this.options.onText(payload);
      else if (opcode === Opcode.Ping) this.#socket.write(clientFrame(Opcode.Pong, payload));
      else if (opcode === Opcode.Close) {
        this.#socket.end();
        return this.#closed();
      } else if (opcode !== Opcode.Pong) return this.#protocolError(`unexpected opcode ${opcode}`);
    }
    if (at < data.length) this.#pending = Buffer.from(data.subarray(at));
  }
}
