import { WS_CLOSE_UNAUTHORIZED } from '@cryptosim/contracts';
import { ReconnectingSocket, socketUrl, type SocketStatus, type WebSocketConstructor } from './reconnecting-socket';

export type UserChannel = 'orders' | 'portfolio' | 'alerts';

export interface UserStreamOptions {
  channel: UserChannel;
  /** The current access token, read on every (re)connect; null stops the stream. */
  token: () => string | null;
  onFrame: (frame: unknown) => void;
  /** The server closed with 4401 (token expired or refused): get a new token, then reopen. */
  onUnauthorized: () => void;
  onStatus?: (status: SocketStatus) => void;
  WebSocketImpl?: WebSocketConstructor;
  initialDelayMs?: number;
  random?: () => number;
}

/**
 * One authenticated user channel (/ws/orders or /ws/portfolio). The access token goes in the
 * first frame, never in the URL, where the browser console (on a failed reconnect) and
 * server or proxy logs would show it. It reconnects like the price stream, except when the
 * token is refused (4401 or an UNAUTHORIZED reply to the auth frame): a retry with the same
 * token would be refused again, so it waits for the owner to restart it with a fresh one.
 */
export class UserStream {
  readonly #socket: ReconnectingSocket;

  constructor(options: UserStreamOptions) {
    let authenticated = false;
    this.#socket = new ReconnectingSocket({
      url: () => (options.token() ? socketUrl(`/ws/${options.channel}`) : null),
      onOpen: (send) => {
        authenticated = false;
        const token = options.token();
        if (token) send({ op: 'auth', token });
      },
      onMessage: (frame) => {
        const { type, code } = (typeof frame === 'object' && frame !== null ? frame : {}) as { type?: unknown; code?: unknown };
        if (type === 'authenticated') authenticated = true;
        if (!authenticated && type === 'error' && code === 'UNAUTHORIZED') {
          this.#socket.stop();
          options.onUnauthorized();
          return;
        }
        options.onFrame(frame);
      },
      onStatus: options.onStatus,
      isFinal: (code) => {
        if (code !== WS_CLOSE_UNAUTHORIZED) return false;
        options.onUnauthorized();
        return true;
      },
      WebSocketImpl: options.WebSocketImpl,
      initialDelayMs: options.initialDelayMs,
      random: options.random,
    });
  }

  get status(): SocketStatus {
    return this.#socket.status;
  }

  start(): void {
    this.#socket.start();
  }

  stop(): void {
    this.#socket.stop();
  }
}
