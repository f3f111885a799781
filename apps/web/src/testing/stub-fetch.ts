/**
 * The global `fetch` replaced by a mock for one test: either routed by path (each route answers
 * its pathname, anything else is a 404 problem) or driven by a function of its own. Returns the
 * mock, so a test can script further replies and read the calls. `vi.unstubAllGlobals()`
 * (or vitest's `unstubGlobals`) puts the real fetch back.
 */
import { vi, type Mock } from 'vitest';
import { jsonResponse, problem } from './render-app';

export type FetchMock = Mock<typeof fetch>;

/** One route's reply, given the request's URL (relative paths resolved against a dummy origin) and init. */
export type FetchRoute = (url: URL, init: RequestInit | undefined) => Response | Promise<Response>;

export function stubFetch(routes: Record<string, FetchRoute> | typeof fetch = {}): FetchMock {
  const impl: typeof fetch =
    typeof routes === 'function'
      ? routes
      : async (input, init) => {
          const url = new URL(String(input), 'http://localhost');
          return (await routes[url.pathname]?.(url, init)) ?? jsonResponse(problem(404, 'NOT_FOUND'), 404);
        };
  const mock = vi.fn<typeof fetch>(impl);
  vi.stubGlobal('fetch', mock);
  return mock;
}

/** A reply that never arrives: the loading state stays on screen. */
export const pending = (): Promise<Response> => new Promise<Response>(() => undefined);
