import { ApiError, CLIENT_ERROR_CODES } from './api-error';
import { errorFrom, send } from './fetch-ok';

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

  const response = await send(path, {
    ...init,
    headers: requestHeaders,
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });

  const body = await readBody(response);
  if (response.ok || acceptStatus.includes(response.status)) return body as T;
  throw errorFrom(response, body);
}
