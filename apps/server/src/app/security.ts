/**
 * Cross-cutting protection, registered before anything else so every reply (errors and
 * 404s included) carries it: security headers and CSP, CORS, and the general rate limit.
 */
import cors from '@fastify/cors';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HelmetOptions } from 'helmet';
import type { Config } from '../config.js';
import type { CachePort } from '../ports/cache/cache-port.js';
import { PROBLEM_CONTENT_TYPE, problem } from '../kernel/problem.js';
import { RateLimiter, type RateRule } from '../kernel/rate-limit.js';
import { addressKey } from '../kernel/address-key.js';
import { registerSecurityHeaders } from './security-headers.js';

/**
 * The web app is a Vite build of React + MUI: scripts only from our origin, but emotion
 * injects <style> tags at run time, hence 'unsafe-inline' for styles (never for scripts).
 * WebSockets to our own origin are covered by connect-src 'self' (CSP Level 3). Swagger UI
 * at /docs needs no more than this: its scripts are files, its icons data: URIs and its
 * styles inline (see security.test.ts). No upgrade-insecure-requests: the embedded mode is
 * served over plain http on LAN addresses, where upgrading our own assets would break them.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

export const HELMET_OPTIONS: Readonly<HelmetOptions> = {
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  // Tokens travel in headers, never cookies, so no referrer ever needs our URLs.
  referrerPolicy: { policy: 'no-referrer' },
};

/** Probes must never be throttled: an orchestrator polling /readyz is not an attacker. */
const UNMETERED = new Set(['/healthz', '/readyz']);

/** "Everything else": 600 requests a minute per client address. */
export const GENERAL_RATE_RULE: RateRule = {
  name: 'ip',
  max: 600,
  windowMs: 60_000,
  key: (request) => addressKey(request.ip),
  whenCacheFails: 'allow',
};

export async function registerSecurity(app: FastifyInstance, config: Config, cache: CachePort): Promise<void> {
  registerSecurityHeaders(app, HELMET_OPTIONS);

  // Only the listed origins may call the API from a browser; none by default (same-origin app).
  await app.register(cors, {
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'Accept-Language'],
    exposedHeaders: ['Retry-After'],
    maxAge: 600,
  });

  const limiter = new RateLimiter(cache, app.log);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.ownRateLimit || UNMETERED.has(request.routeOptions.url ?? '')) return;
    await limiter.hit(request, [GENERAL_RATE_RULE]);
  });
}

/**
 * Fastify's `frameworkErrors`: the router refuses some URLs (bad percent-encoding, a path
 * parameter over 100 characters) before any route or error handler runs; without this they
 * would leave as Fastify's own JSON instead of problem+json.
 */
export function replyFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode === 414 ? 414 : 400;
  void reply
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problem(status, 'VALIDATION_FAILED', status === 414 ? 'A path parameter is too long.' : 'The URL is malformed.'));
}

/** Node's HTTP parser refusals, by the parser's error code: status, problem code, detail. */
const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'REQUEST_TIMEOUT', 'The request was not received in time.'],
  HPE_HEADER_OVERFLOW: [431, 'HEADERS_TOO_LARGE', 'The request headers are too large.'],
};
const MALFORMED: [number, string, string] = [400, 'VALIDATION_FAILED', 'The request is not valid HTTP.'];

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refuses some requests (headers over the
 * size limit, malformed HTTP) before Fastify sees them; without this they would leave as
 * Fastify's own plain JSON instead of problem+json.
 */
export function replyClientError(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
  this.log.debug({ err: error.code ?? error.message }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify(problem(status, code, detail));
    const reason = status === 408 ? 'Request Timeout' : status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
