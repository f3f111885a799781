import type { AuthResponse } from '@cryptosim/contracts';
import { ApiError } from './api-error';
import { fetchBlob } from './fetch-blob';
import { fetchStream } from './fetch-stream';
import { fetchJson, type FetchJsonOptions } from './fetch-json';

export interface ClientTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

/** What the client needs from wherever the session lives (the Redux store in the app). */
export interface SessionPort {
  current(): ClientTokens | null;
  /** Re-read tokens another tab may have stored since; called before a refresh. */
  reload?(): void;
  refreshed(auth: AuthResponse, receivedAt: number): void;
  ended(): void;
}

export interface ApiClientOptions {
  now?: () => number;
  /** Refresh ahead of expiry by this much, so a request never leaves with a dying token. */
  refreshLeewayMs?: number;
  /** Serialises refreshes across tabs (Web Locks); each refresh token works only once. */
  withLock?: <T>(run: () => Promise<T>) => Promise<T>;
}

export interface RequestOptions extends FetchJsonOptions {
  /** Send the access token and refresh it when needed. */
  auth?: boolean;
}

const REFRESH_PATH = '/api/auth/refresh';
const notSignedIn = () => new ApiError(401, 'UNAUTHORIZED', 'Not signed in.');

function browserLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  // Older browsers (and jsdom) have no Web Locks; then only this tab is serialised.
  return locks ? (locks.request('cryptosim.refresh', run) as Promise<T>) : run();
}

/**
 * fetchJson plus the access token. A token about to expire is refreshed before the request;
 * a 401 triggers one refresh and one retry. Concurrent callers share a single refresh
 * (single flight): refresh tokens rotate, so a second refresh with the same token would be
 * taken by the server as reuse and sign the user out everywhere.
 */
export class ApiClient {
  readonly #session: SessionPort;
  readonly #now: () => number;
  readonly #leeway: number;
  readonly #withLock: <T>(run: () => Promise<T>) => Promise<T>;
  #refreshing: Promise<ClientTokens> | null = null;

  constructor(session: SessionPort, options: ApiClientOptions = {}) {
    this.#session = session;
    this.#now = options.now ?? Date.now;
    this.#leeway = options.refreshLeewayMs ?? 30_000;
    this.#withLock = options.withLock ?? browserLock;
  }

  async request<T>(path: string, { auth = false, ...options }: RequestOptions = {}): Promise<T> {
    if (!auth) return fetchJson<T>(path, options);
    return this.#authorized((token) => this.#send<T>(path, options, token));
  }

  /** An authenticated GET whose body is a file (CSV export): the same refresh rules as `request`. */
  download(path: string, init: Omit<RequestInit, 'headers'> = {}): Promise<Blob> {
    return this.#authorized((token) => fetchBlob(path, { ...init, headers: { Authorization: `Bearer ${token}` } }));
  }

  /**
   * An authenticated request whose 2xx reply is returned unread, for a body read as it
   * arrives (the assistant's event stream); the same refresh rules as `request`.
   */
  stream(path: string, init: Omit<RequestInit, 'headers'> & { headers?: HeadersInit } = {}): Promise<Response> {
    return this.#authorized((token) => {
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Bearer ${token}`);
      return fetchStream(path, { ...init, headers });
    });
  }

  async #authorized<T>(send: (accessToken: string) => Promise<T>): Promise<T> {
    let tokens = this.#session.current();
    if (!tokens) throw notSignedIn();
    if (tokens.expiresAt - this.#now() <= this.#leeway) tokens = await this.refresh(tokens.refreshToken);
    try {
      return await send(tokens.accessToken);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      const fresh = await this.refresh(tokens.refreshToken);
      return send(fresh.accessToken);
    }
  }

  /** Returns usable tokens, refreshing at most once for all callers that hold `staleRefreshToken`. */
  refresh(staleRefreshToken: string): Promise<ClientTokens> {
    this.#refreshing ??= this.#withLock(() => this.#refreshOnce(staleRefreshToken)).finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #refreshOnce(staleRefreshToken: string): Promise<ClientTokens> {
    this.#session.reload?.();
    const latest = this.#session.current();
    if (!latest) throw notSignedIn();
    // Someone (a request that got here first, another tab) already rotated the pair.
    if (latest.refreshToken !== staleRefreshToken && latest.expiresAt - this.#now() > this.#leeway) return latest;
    let auth: AuthResponse;
    try {
      auth = await fetchJson<AuthResponse>(REFRESH_PATH, { method: 'POST', json: { refreshToken: latest.refreshToken } });
    } catch (error) {
      // A refused token ends the session; a network failure does not (the user may be offline).
      if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) this.#session.ended();
      throw error;
    }
    const receivedAt = this.#now();
    this.#session.refreshed(auth, receivedAt);
    return { accessToken: auth.accessToken, refreshToken: auth.refreshToken, expiresAt: receivedAt + auth.expiresIn * 1000 };
  }

  #send<T>(path: string, options: FetchJsonOptions, accessToken: string): Promise<T> {
    const headers = new Headers(options.headers);
    headers.set('Authorization', `Bearer ${accessToken}`);
    return fetchJson<T>(path, { ...options, headers });
  }
}
