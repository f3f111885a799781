/**
 * One Binance stream socket: raw (`/ws/<stream>`, payloads as is) or combined
 * (`/stream?streams=…`, each payload wrapped as `{"stream","data"}`), market streams and
 * user data streams (a listen key as the stream name) alike, and Binance's
 * SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS / SET_PROPERTY / GET_PROPERTY requests answered
 * `{"result","id"}`, errors as its documented `{"code","msg","id"}`. Requests are handled one
 * at a time, in order.
 */
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { sendBounded } from '../../../kernel/websocket.js';
import type { UserDataEnd, UserDataSink } from '../user-data/user-data-feed.js';
import type { StreamHub, StreamListener } from './stream-hub.js';
import type { StreamName } from './stream-names.js';

/** A listen key named as a stream: the account's user data stream. */
export interface UserDataStreamName {
  name: string;
  kind: 'userData';
}

export type SessionStream = StreamName | UserDataStreamName;

/** Opens a listen key's feed for a socket; undefined when the key is not live. The result stops it. */
export type OpenUserData = (listenKey: string, sink: UserDataSink) => Promise<(() => void) | undefined>;

/** How a socket closes when its user data stream ends: after `listenKeyExpired`, or at once. */
const END_CLOSE: Record<UserDataEnd, { code: number; reason: string }> = {
  expired: { code: 1000, reason: 'listen key expired' },
  closed: { code: 1000, reason: 'listen key closed' },
  revoked: { code: 1008, reason: 'API key revoked' },
};

/** Binance's own cap on streams per connection. */
export const MAX_STREAMS_PER_SOCKET = 1024;
const METHODS = ['SUBSCRIBE', 'UNSUBSCRIBE', 'LIST_SUBSCRIPTIONS', 'SET_PROPERTY', 'GET_PROPERTY'];
const ID_STRING = /^[A-Za-z0-9]{1,36}$/;

type Id = number | string | null;

/** A listen key that is not live (unknown, expired, closed, or its API key revoked). */
export class UnknownListenKey extends Error {
  constructor(readonly listenKey: string) {
    super('unknown listen key');
  }
}

class RequestError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly id: Id,
  ) {
    super(message);
  }
}

function validId(raw: unknown): Id {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number' && Number.isSafeInteger(raw)) return raw;
  if (typeof raw === 'string' && ID_STRING.test(raw)) return raw;
  throw new RequestError(2, 'Invalid request: request ID must be an unsigned integer', null);
}

export class StreamSession {
  readonly #streams = new Map<string, SessionStream>();
  /** The stop of each user data stream's feed, by listen key. */
  readonly #feeds = new Map<string, () => void>();
  readonly #listener: StreamListener = (stream, payload) => this.#deliver(stream, payload);
  #queue: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly hub: StreamHub,
    private readonly parse: (name: string) => SessionStream | undefined,
    private combined: boolean,
    private readonly logger: Logger,
    private readonly openUserData: OpenUserData,
  ) {
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? '' : data.toString();
      this.#queue = this.#queue.then(() => this.#handle(text)).catch((err: unknown) => this.logger.error({ err }, 'Binance stream request failed'));
    });
    socket.on('close', () => this.#close());
    socket.on('error', () => this.#close());
  }

  /** The streams named in the URL; queued before any request, so a reply means they are live. */
  start(streams: SessionStream[]): Promise<void> {
    const started = this.#queue.then(async () => {
      for (const stream of streams.slice(0, MAX_STREAMS_PER_SOCKET)) await this.#add(stream);
    });
    this.#queue = started.catch(() => undefined);
    return started;
  }

  async #add(stream: SessionStream): Promise<void> {
    if (this.#closed || this.#streams.has(stream.name)) return;
    if (stream.kind === 'userData') return this.#addUserData(stream);
    this.#streams.set(stream.name, stream);
    await this.hub.add(stream, this.#listener);
  }

  async #addUserData(stream: UserDataStreamName): Promise<void> {
    this.#streams.set(stream.name, stream);
    let stop: (() => void) | undefined;
    try {
      stop = await this.openUserData(stream.name, {
        deliver: (payload) => this.#deliver(stream, payload),
        ended: (reason) => {
          this.#feeds.delete(stream.name);
          this.#streams.delete(stream.name);
          const { code, reason: text } = END_CLOSE[reason];
          this.socket.close(code, text);
        },
      });
    } finally {
      if (!stop) this.#streams.delete(stream.name);
    }
    if (!stop) throw new UnknownListenKey(stream.name);
    if (this.#closed || !this.#streams.has(stream.name)) return stop();
    this.#feeds.set(stream.name, stop);
  }

  #remove(name: string): void {
    const stream = this.#streams.get(name);
    if (!stream) return;
    this.#streams.delete(name);
    if (stream.kind === 'userData') {
      this.#feeds.get(name)?.();
      this.#feeds.delete(name);
      return;
    }
    this.hub.remove(stream, this.#listener);
  }

  #deliver(stream: SessionStream, payload: string): void {
    if (!this.#streams.has(stream.name)) return;
    sendBounded(this.socket, this.combined ? `{"stream":${JSON.stringify(stream.name)},"data":${payload}}` : payload);
  }

  #reply(body: Record<string, unknown>): void {
    sendBounded(this.socket, JSON.stringify(body));
  }

  async #handle(text: string): Promise<void> {
    if (this.#closed) return;
    try {
      await this.#request(text);
    } catch (err) {
      if (!(err instanceof RequestError)) throw err;
      this.#reply({ code: err.code, msg: err.message, id: err.id });
    }
  }

  async #request(text: string): Promise<void> {
    let request: unknown;
    try {
      request = JSON.parse(text);
    } catch (err) {
      throw new RequestError(3, `Invalid JSON: ${err instanceof Error ? err.message : 'expected value'}`, null);
    }
    if (request === null || typeof request !== 'object' || Array.isArray(request)) throw new RequestError(2, 'Invalid request: expected an object', null);
    const { method, params, id: rawId } = request as { method?: unknown; params?: unknown; id?: unknown };
    const id = validId(rawId);
    if (method === undefined) throw new RequestError(2, 'Invalid request: missing field `method`', id);
    if (typeof method !== 'string' || !METHODS.includes(method)) {
      throw new RequestError(2, `Invalid request: unknown variant ${JSON.stringify(method)}, expected one of \`SUBSCRIBE\`, \`UNSUBSCRIBE\`, \`LIST_SUBSCRIPTIONS\`, \`SET_PROPERTY\`, \`GET_PROPERTY\``, id);
    }
    if (method === 'LIST_SUBSCRIPTIONS') return this.#reply({ result: [...this.#streams.keys()], id });
    if (method === 'GET_PROPERTY' || method === 'SET_PROPERTY') return this.#property(method, params, id);
    if (!Array.isArray(params) || !params.every((p) => typeof p === 'string')) throw new RequestError(2, 'Invalid request: params must be an array of stream names', id);
    const names = params as string[];
    if (method === 'UNSUBSCRIBE') {
      for (const name of names) this.#remove(name);
      return this.#reply({ result: null, id });
    }
    const streams = names.map((name) => {
      const stream = this.parse(name);
      if (!stream) throw new RequestError(2, `Invalid request: unknown stream '${name}'`, id);
      return stream;
    });
    const fresh = new Set(streams.filter((s) => !this.#streams.has(s.name)).map((s) => s.name));
    if (this.#streams.size + fresh.size > MAX_STREAMS_PER_SOCKET) throw new RequestError(2, `Invalid request: too many streams (at most ${MAX_STREAMS_PER_SOCKET} per connection)`, id);
    for (const stream of streams) {
      try {
        await this.#add(stream);
      } catch (err) {
        if (err instanceof UnknownListenKey) throw new RequestError(2, `Invalid request: unknown stream '${err.listenKey}'`, id);
        throw err;
      }
    }
    this.#reply({ result: null, id });
  }

  #property(method: 'GET_PROPERTY' | 'SET_PROPERTY', params: unknown, id: Id): void {
    if (!Array.isArray(params) || typeof params[0] !== 'string') throw new RequestError(2, 'Invalid request: property name must be a string', id);
    if (params[0] !== 'combined') throw new RequestError(0, 'Unknown property', id);
    if (method === 'GET_PROPERTY') return this.#reply({ result: this.combined, id });
    if (typeof params[1] !== 'boolean') throw new RequestError(1, 'Invalid value type: expected Boolean', id);
    this.combined = params[1];
    this.#reply({ result: null, id });
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const name of [...this.#streams.keys()]) this.#remove(name);
  }
}
