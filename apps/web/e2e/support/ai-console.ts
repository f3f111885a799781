import type { ConsoleMessage } from 'playwright-core';

/** The paths the server under test lists in /openapi.json. */
export async function servedPaths(baseUrl: string): Promise<Set<string>> {
  const spec = (await (await fetch(`${baseUrl}/openapi.json`)).json()) as { paths: Record<string, unknown> };
  return new Set(Object.keys(spec.paths));
}

/**
 * Chromium logs every non-2xx fetch as a console error. Three of those from the AI panels are
 * answers, not faults: 503 MODEL_UNAVAILABLE (no active model, not enough candles yet or a stale
 * market, with Retry-After; the panel says so and asks again), 404 SYMBOL_NOT_COVERED from
 * predict for a coin the active model was not trained on (the panel names the covered coins),
 * and 404 from a route this server does not serve yet (the panel shows its error state).
 * Nothing else is let through.
 */
export function isExpectedAiReply(message: ConsoleMessage, served: ReadonlySet<string>): boolean {
  const route = /\/api\/ai\/(predict|analysis)\b/.exec(message.location().url)?.[0];
  if (!route || !message.text().startsWith('Failed to load resource')) return false;
  const notFound = /status of 404/.test(message.text());
  return /status of 503/.test(message.text()) || (notFound && route === '/api/ai/predict') || (notFound && !served.has(route));
}
