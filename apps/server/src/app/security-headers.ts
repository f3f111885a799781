/**
 * Helmet's security headers, worked out once. Helmet is a middleware that parses its options
 * into header values every time it is built, and @fastify/helmet builds it again for every
 * request (dashify, parseDirectives, ... on each one: a few per cent of a busy server). Our
 * options never change, so the headers never do: helmet runs once here, on a recorder, and
 * every request gets the recorded result, set on the raw response exactly as helmet sets it.
 */
import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

export interface RecordedHeaders {
  set: ReadonlyArray<readonly [name: string, value: OutgoingHttpHeader]>;
  removed: readonly string[];
}

/** What helmet's middleware for `options` does to a response. */
export function recordHelmet(options: Readonly<HelmetOptions>): RecordedHeaders {
  const set = new Map<string, OutgoingHttpHeader>();
  const removed: string[] = [];
  const recorder = {
    setHeader(name: string, value: OutgoingHttpHeader) {
      set.set(name, value);
      return recorder;
    },
    removeHeader(name: string) {
      set.delete(name);
      removed.push(name);
    },
  };
  let failure: unknown;
  let finished = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    failure = err;
    finished = true;
  });
  if (failure) throw failure;
  // Helmet's middleware is synchronous; one that went async would be missing headers here.
  if (!finished) throw new Error('helmet did not finish synchronously; its headers cannot be recorded');
  return { set: [...set], removed };
}

/** Registers the recorded headers on every request, first thing (as @fastify/helmet did). */
export function registerSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const { set, removed } = recordHelmet(options);
  app.addHook('onRequest', (_request, reply, done) => {
    const raw = reply.raw;
    for (const [name, value] of set) raw.setHeader(name, value);
    for (const name of removed) raw.removeHeader(name);
    done();
  });
}
