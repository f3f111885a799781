import WebSocket from 'ws';

export interface ConnectionOptions {
  url: string;
  /** How often we ping Binance; its pongs (and its own pings) prove the socket alive. */
  pingIntervalMs: number;
  /** No frame, ping or pong for this long: the socket is dead even if TCP has not noticed. */
  idleTimeoutMs: number;
  /**
   * Called as the socket opens, before any of its messages: whatever must know of a new
   * socket before its first frame is handled learns it here (open() resolves only later).
   */
  onOpen(): void;
  onMessage(raw: string): void;
  /** Called once when the socket ends after it opened, unless we closed it ourselves. */
  onClose(reason: string): void;
}

/**
 * One combined-stream WebSocket. `ws` answers Binance's pings (every 20 s) with pongs
 * by itself; we add our own pings and an idle timer because a half-open TCP connection
 * delivers nothing and reports no error for minutes.
 */
export class BinanceConnection {
  #ws: WebSocket | undefined;
  #timer: NodeJS.Timeout | undefined;
  #lastSeen = 0;
  #ended = false;

  constructor(private readonly options: ConnectionOptions) {}

  /** Resolves when the socket is open; rejects if it fails first. */
  open(): Promise<void> {
    const ws = new WebSocket(this.options.url, { handshakeTimeout: this.options.idleTimeoutMs });
    this.#ws = ws;
    const seen = () => (this.#lastSeen = Date.now());
    ws.on('message', (data, isBinary) => {
      seen();
      if (!isBinary) this.options.onMessage(data.toString());
    });
    ws.on('ping', seen);
    ws.on('pong', seen);
    return new Promise<void>((resolve, reject) => {
      ws.once('open', () => {
        seen();
        this.options.onOpen();
        this.#timer = setInterval(() => this.#checkAlive(), this.options.pingIntervalMs);
        ws.on('close', (code) => this.#end(`closed by server (code ${code})`));
        resolve();
      });
      ws.on('error', (error) => {
        if (ws.readyState !== WebSocket.OPEN) reject(error);
        else this.#end(`socket error: ${error.message}`);
      });
      ws.once('unexpected-response', (_req, res) => {
        ws.terminate();
        reject(new Error(`stream handshake answered ${res.statusCode}`));
      });
    });
  }

  #checkAlive(): void {
    const silentFor = Date.now() - this.#lastSeen;
    if (silentFor > this.options.idleTimeoutMs) {
      this.#end(`no frame or pong for ${silentFor} ms`);
      return;
    }
    this.#ws?.ping();
  }

  #end(reason: string): void {
    if (this.#ended) return;
    this.close();
    this.options.onClose(reason);
  }

  /** Ends the socket without calling onClose (shutdown, rotation). */
  close(): void {
    this.#ended = true;
    clearInterval(this.#timer);
    this.#ws?.removeAllListeners('close');
    this.#ws?.on('error', () => undefined);
    this.#ws?.terminate();
  }
}
