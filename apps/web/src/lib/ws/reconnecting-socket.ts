/** The slice of the browser WebSocket this client uses, so tests can pass a fake class. */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

export type SocketStatus = 'idle' | 'connecting' | 'open' | 'reconnecting';
const CONNECTING = 0;
const OPEN = 1;

export interface ReconnectingSocketOptions {
  /** Read on every (re)connect. Null: stay down. */
  url: () => string | null;
  /** Runs on every open: the place to (re)send subscriptions. */
  onOpen: (send: (frame: unknown) => void) => void;
  onMessage: (frame: unknown) => void;
  onStatus?: (status: SocketStatus) => void;
  /** Close codes after which reconnecting is pointless (e.g. 4401 bad token). */
  isFinal?: (code: number) => boolean;
  WebSocketImpl?: WebSocketConstructor;
  initialDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

/** ws:// or wss:// on the page's own host: the dev proxy and nginx both forward /ws. */
export function socketUrl(path: string): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${path}`;
}

/**
 * One WebSocket that comes back by itself: exponential backoff with jitter (so a restarted
 * server is not hit by every tab in the same millisecond), reset once a connection opens.
 */
export class ReconnectingSocket {
  readonly #options: ReconnectingSocketOptions;
  #socket: WebSocketLike | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #attempt = 0;
  #running = false;
  #status: SocketStatus = 'idle';

  constructor(options: ReconnectingSocketOptions) {
    this.#options = options;
  }

  get status(): SocketStatus {
    return this.#status;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#connect();
  }

  stop(): void {
    this.#running = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const socket = this.#socket;
    this.#socket = null;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.onerror = null;
      // Closing a socket still connecting makes the browser log a warning ("closed before the
      // connection is established"), e.g. when a page is left at once; it closes when it opens instead.
      if (socket.readyState === CONNECTING) socket.onopen = () => socket.close(1000, 'client closed');
      else socket.close(1000, 'client closed');
    }
    this.#setStatus('idle');
  }

  /** Sends now when open; otherwise dropped, because onOpen replays the state that matters. */
  send(frame: unknown): boolean {
    if (this.#socket?.readyState !== OPEN) return false;
    this.#socket.send(JSON.stringify(frame));
    return true;
  }

  /** Drop the current connection and open a new one at once (e.g. after a token refresh). */
  restart(): void {
    this.stop();
    this.start();
  }

  #connect(): void {
    const url = this.#options.url();
    if (!url) return this.#setStatus('idle');
    const Impl = this.#options.WebSocketImpl ?? (WebSocket as unknown as WebSocketConstructor);
    const socket = new Impl(url);
    this.#socket = socket;
    this.#setStatus(this.#attempt === 0 ? 'connecting' : 'reconnecting');
    socket.onopen = () => {
      this.#attempt = 0;
      this.#setStatus('open');
      this.#options.onOpen((frame) => this.send(frame));
    };
    socket.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      let frame: unknown;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      this.#options.onMessage(frame);
    };
    socket.onclose = (event) => {
      this.#socket = null;
      if (!this.#running) return;
      if (this.#options.isFinal?.(event.code)) return this.#setStatus('idle');
      this.#scheduleReconnect();
    };
    // An error is always followed by close, which is where the retry happens.
    socket.onerror = () => {};
  }

  #scheduleReconnect(): void {
    const { initialDelayMs = 500, maxDelayMs = 30_000, random = Math.random } = this.#options;
    const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** this.#attempt);
    this.#attempt += 1;
    this.#setStatus('reconnecting');
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.#running) this.#connect();
    }, ceiling / 2 + (random() * ceiling) / 2);
  }

  #setStatus(status: SocketStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    this.#options.onStatus?.(status);
  }
}
