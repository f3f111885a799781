import type { ConsoleMessage } from 'playwright-core';

/** The paths the server under test lists in /openapi.json. */
export async function servedPaths(baseUrl: string): Promise<Set<string>> {
  const spec = (await (await fetch(`${baseUrl}/openapi.json`)).json()) as { paths: Record<string, unknown> };
  return new Set(Object.keys(spec.paths));
}

/**
 * Chromium logs every non-2xx fetch as a console error. Two of those from the AI panels are
 * answers, not faults: 503 MODEL_UNAVAILABLE (no active model or not enough candles yet, with
 * Retry-After; the panel says so and asks again), and 404 from a route this server does not
 * serve yet (the panel shows its error state). Nothing else is let through.
 */
export function isExpectedAiReply(message: ConsoleMessage, served: ReadonlySet<string>): boolean {
  const route = /\/api\/ai\/(predict|analysis)\b/.exec(message.location().url)?.[0];
  if (!route || !message.text().startsWith('Failed to load resource')) return false;
  return /status of 503/.test(message.text()) || (!served.has(route) && /status of 404/.test(message.text()));
}
