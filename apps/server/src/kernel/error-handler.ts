import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode, ValidationIssue } from '@cryptosim/contracts';
import { pgErrorOf } from '../ports/db/pg-error.js';
import { AppError } from './app-error.js';
import { isOutage, OUTAGE_RETRY_AFTER_S } from './outage.js';
import { PROBLEM_CONTENT_TYPE, problem } from './problem.js';

interface AjvIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/**
 * A reply lists at most this many issues, each path and message cut to a readable length:
 * field names come from the client, and a body of thousands of long unknown keys must not
 * turn into a reply of megabytes.
 */
export const MAX_ISSUES = 20;
const MAX_ISSUE_TEXT = 200;
const clip = (text: string) => (text.length > MAX_ISSUE_TEXT ? `${text.slice(0, MAX_ISSUE_TEXT - 1)}…` : text);

function toIssues(context: string | undefined, validation: AjvIssue[]): ValidationIssue[] {
  return validation.slice(0, MAX_ISSUES).map((v) => {
    let pointer = v.instancePath ?? '';
    if (v.keyword === 'required' && typeof v.params?.missingProperty === 'string') pointer += `/${v.params.missingProperty}`;
    if (v.keyword === 'additionalProperties' && typeof v.params?.additionalProperty === 'string') {
      pointer += `/${v.params.additionalProperty}`;
      return { path: clip(`${context ?? 'body'}${pointer}`), message: 'is not an allowed field' };
    }
    return { path: clip(`${context ?? 'body'}${pointer}`), message: clip(v.message ?? 'is invalid') };
  });
}

/** Codes for the 4xx errors Fastify and its plugins raise before our code runs. */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * A body refused for its size is still read and discarded, up to this many bytes, and the
 * connection kept. Fastify closes it at once instead, and a proxy that is still sending the
 * body (nginx buffers it and then forwards it whole) gets a reset, answers 502 instead of our
 * 413, and marks the replica failed. Past this, closing is cheaper than reading.
 */
export const DRAIN_REFUSED_BODY_BYTES = 8 * 1024 * 1024;

function keepConnectionToDrain(request: FastifyRequest, reply: FastifyReply) {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared <= DRAIN_REFUSED_BODY_BYTES) reply.removeHeader('connection');
}

function send(reply: FastifyReply, status: number, body: object) {
  return reply.status(status).type(PROBLEM_CONTENT_TYPE).send(body);
}

/**
 * One error handler for the whole app: every failure leaves as problem+json with a stable
 * code. 5xx details stay in the log; the client never sees a stack trace or SQL.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    if (err instanceof AppError) {
      if (err.headers) void reply.headers(err.headers);
      return send(reply, err.status, problem(err.status, err.code, err.message, err.errors));
    }
    const fe = err as FastifyError & { validation?: AjvIssue[] };
    if (fe.validation) {
      const issues = toIssues(fe.validationContext, fe.validation);
      const more = fe.validation.length - issues.length;
      const detail = issues.map((i) => `${i.path} ${i.message}`).join('; ') + (more > 0 ? `; and ${more} more` : '');
      return send(reply, 400, problem(400, 'VALIDATION_FAILED', `The request is invalid: ${detail}`, issues));
    }
    const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
    if (status >= 400 && status < 500) {
      if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') keepConnectionToDrain(request, reply);
      const code = CODE_BY_STATUS[status] ?? 'VALIDATION_FAILED';
      // Fastify's own 4xx messages are safe and useful ("Body is not valid JSON", size limits).
      return send(reply, status, problem(status, code, fe.message || 'The request was refused'));
    }
    // Text PostgreSQL cannot store (a NUL byte, invalid UTF-8) is the client's mistake in any
    // module's free-text field; say so instead of failing with a 500.
    const pgCode = pgErrorOf(err)?.code;
    if (pgCode === '22021' || pgCode === '22P05') {
      return send(reply, 400, problem(400, 'VALIDATION_FAILED', 'The request contains characters that cannot be stored (e.g. a NUL byte).'));
    }
    if (isOutage(err)) {
      request.log.warn({ err: err.message }, 'dependency unavailable');
      void reply.header('retry-after', String(OUTAGE_RETRY_AFTER_S));
      return send(reply, 503, problem(503, 'SERVICE_UNAVAILABLE', 'A service this request needs is unavailable; try again shortly.'));
    }
    request.log.error({ err }, 'unhandled error');
    return send(reply, 500, problem(500, 'INTERNAL_ERROR', 'Something went wrong on our side; it has been logged.'));
  });

}

/** The 404 for anything that is not a route (and, with the web app, not a page either). */
export function replyNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, problem(404, 'NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}`));
}
