import { ApiError, CLIENT_ERROR_CODES, isProblem, parseRetryAfter } from './api-error';

/**
 * GETs a file (a CSV export) as a Blob. Failures become the same `ApiError` as fetchJson's,
 * read from the problem+json body the server sends instead of the file.
 */
export async function fetchBlob(path: string, init: RequestInit = {}): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError(0, CLIENT_ERROR_CODES.network, `Network error: ${reason}`);
  }
  if (response.ok) return response.blob();
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isProblem(body)) {
    throw new ApiError(response.status, body.code, body.detail || body.title, body, parseRetryAfter(response.headers.get('Retry-After')));
  }
  throw new ApiError(response.status, CLIENT_ERROR_CODES.badResponse, `HTTP ${response.status} ${response.statusText}`.trim());
}
