import { ApiError, CLIENT_ERROR_CODES, isProblem, parseRetryAfter } from './api-error';

export interface FetchJsonOptions extends Omit<RequestInit, 'body'> {
  /** Non-2xx statuses whose body is still the expected payload (e.g. 503 from /readyz). */
  acceptStatus?: readonly number[];
  /** Serialised as JSON with the matching Content-Type. */
  json?: unknown;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(
      response.status,
      CLIENT_ERROR_CODES.badResponse,
      `Expected JSON from ${response.url || 'the server'}, got: ${text.slice(0, 80)}`,
    );
  }
}

/**
 * GETs or sends JSON and returns the parsed body. Anything else — a network failure, an
 * error status, a body that is not JSON — becomes an `ApiError` carrying the problem code.
 * The caller's type parameter is trusted: the server validates replies against the
 * shared contracts, and the web bundle stays free of a schema runtime.
 */
export async function fetchJson<T>(path: string, options: FetchJsonOptions = {}): Promise<T> {
  const { acceptStatus = [], json, headers, ...init } = options;
  const requestHeaders = new Headers(headers);
  requestHeaders.set('Accept', 'application/json, application/problem+json');
  if (json !== undefined) requestHeaders.set('Content-Type', 'application/json');

  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: requestHeaders,
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError(0, CLIENT_ERROR_CODES.network, `Network error: ${reason}`);
  }

  const body = await readBody(response);
  if (response.ok || acceptStatus.includes(response.status)) return body as T;
  if (isProblem(body)) {
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
    throw new ApiError(response.status, body.code, body.detail || body.title, body, retryAfter);
  }
  throw new ApiError(
    response.status,
    CLIENT_ERROR_CODES.badResponse,
    `HTTP ${response.status} ${response.statusText}`.trim(),
  );
}
