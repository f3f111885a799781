import { fetchOk } from './fetch-ok';

/** Sends a request whose successful reply is read as a stream (server-sent events). */
export function fetchStream(path: string, init: RequestInit = {}): Promise<Response> {
  return fetchOk(path, init);
}
