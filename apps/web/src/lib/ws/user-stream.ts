import { WS_CLOSE_UNAUTHORIZED } from '@cryptosim/contracts';
import { ReconnectingSocket, socketUrl, type SocketStatus, type WebSocketConstructor } from './reconnecting-socket';

export type UserChannel = 'orders' | 'portfolio';

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
 * One authenticated user channel (/ws/orders or /ws/portfolio) with `?token=`. It reconnects
 * like the price stream, except after 4401: a retry with the same token would be refused
 * again, so it waits for the owner to restart it with a fresh one.
 */
export class UserStream {
  readonly #socket: ReconnectingSocket;

  constructor(options: UserStreamOptions) {
    this.#socket = new ReconnectingSocket({
      url: () => {
        const token = options.token();
        return token ? `${socketUrl(`/ws/${options.channel}`)}?token=${encodeURIComponent(token)}` : null;
      },
      onOpen: () => {},
      onMessage: options.onFrame,
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
