import { ApiError, CLIENT_ERROR_CODES, isProblem, parseRetryAfter } from './api-error';

/** Sends a request; a failure to reach the server becomes an `ApiError` with the network code. */
export async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError(0, CLIENT_ERROR_CODES.network, `Network error: ${reason}`);
  }
}

/** The `ApiError` for an error status: the problem+json body's code when there is one. */
export function errorFrom(response: Response, body: unknown): ApiError {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  if (isProblem(body)) return new ApiError(response.status, body.code, body.detail || body.title, body, retryAfter);
  return new ApiError(response.status, CLIENT_ERROR_CODES.badResponse, `HTTP ${response.status} ${response.statusText}`.trim(), undefined, retryAfter);
}

/**
 * Sends a request whose successful reply the caller reads itself (a stream, a file). The
 * response is handed back unread when its status is 2xx; any other status becomes the same
 * `ApiError` as fetchJson's, read from the problem+json body.
 */
export async function fetchOk(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await send(path, init);
  if (response.ok) return response;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  throw errorFrom(response, body);
}
