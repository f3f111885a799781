/**
 * The /binance plugin scope: Binance's error format instead of problem+json, form-encoded
 * bodies read as parameters, and every route metered by its request weight (the general
 * per-address limit of /api skips these routes; Binance's weight limit replaces it).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { Logger } from 'pino';
import { addressKey } from '../../kernel/address-key.js';
import { BinanceError, unsupportedOperation } from './binance-error.js';
import { BinanceParams } from './binance-params.js';
import { toBinanceError } from './translate-error.js';
import type { UsageLimits } from './usage-limits.js';

/** A body of parameters is a few hundred bytes; Binance's own limit is far below our 1 MiB. */
const BODY_LIMIT = 64 * 1024;
const FORM = 'application/x-www-form-urlencoded';

export type Weight = number | ((params: BinanceParams) => number);

export interface BinanceRoute {
  method: HTTPMethods;
  /** Below /binance, e.g. `/api/v3/ping`. */
  url: string;
  summary: string;
  weight: Weight;
  handler(params: BinanceParams, request: FastifyRequest, reply: FastifyReply): Promise<unknown>;
}

/** The raw query string and form body, as the signature covers them. */
export function rawParts(request: FastifyRequest): { query: string; body: string } {
  const url = request.raw.url ?? '';
  const at = url.indexOf('?');
  const query = at < 0 ? '' : url.slice(at + 1);
  const isForm = (request.headers['content-type'] ?? '').toLowerCase().startsWith(FORM);
  const body = isForm && typeof request.body === 'string' ? request.body : '';
  return { query, body };
}

function replyError(reply: FastifyReply, error: BinanceError) {
  if (error.headers) void reply.headers(error.headers);
  return reply.status(error.status).type('application/json; charset=utf-8').send(error.body());
}

export function configureBinanceScope(scope: FastifyInstance, logger: Logger): void {
  // Binance reads parameters from the query string or a form body; anything else is ignored
  // rather than refused (some clients send an empty JSON body with a POST).
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));

  scope.setErrorHandler((err, request, reply) => {
    const translated = toBinanceError(err);
    if (translated) return replyError(reply, translated);
    logger.error({ err, url: request.url.split('?')[0] }, 'unhandled error on the Binance surface');
    return replyError(reply, new BinanceError(-1000, 'An unknown error occurred while processing the request.', 500));
  });
  scope.setNotFoundHandler((_request, reply) => replyError(reply, unsupportedOperation()));
}

export function binanceRoute(scope: FastifyInstance, usage: UsageLimits, route: BinanceRoute): void {
  const baseWeight = typeof route.weight === 'number' ? route.weight : 1;
  scope.route({
    method: route.method,
    url: route.url,
    config: { ownRateLimit: true },
    schema: { tags: ['binance'], summary: route.summary },
    handler: async (request, reply) => {
      const { query, body } = rawParts(request);
      let params: BinanceParams | undefined;
      let refused: unknown;
      try {
        params = new BinanceParams(query, body);
      } catch (err) {
        refused = err;
      }
      let weight = baseWeight;
      if (params && typeof route.weight === 'function') {
        try {
          weight = route.weight(params);
        } catch (err) {
          refused = err;
        }
      }
      // Binance counts a refused request's weight too: malformed polling is still polling.
      void reply.headers(await usage.spendWeight(addressKey(request.ip), weight));
      if (refused || !params) throw refused;
      return route.handler(params, request, reply);
    },
  });
}
