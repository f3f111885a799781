import { ApiError, CLIENT_ERROR_CODES, isProblem, parseRetryAfter } from './api-error';

/**
 * Sends a request whose successful reply is read as a stream (server-sent events). The
 * response is handed back unread when its status is 2xx; any other status becomes the same
 * `ApiError` as fetchJson's, read from the problem+json body.
 */
export async function fetchStream(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError(0, CLIENT_ERROR_CODES.network, `Network error: ${reason}`);
  }
  if (response.ok) return response;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  if (isProblem(body)) throw new ApiError(response.status, body.code, body.detail || body.title, body, retryAfter);
  throw new ApiError(response.status, CLIENT_ERROR_CODES.badResponse, `HTTP ${response.status} ${response.statusText}`.trim(), undefined, retryAfter);
}
