import type { FastifyRequest } from 'fastify';
import type { ClientInfo } from './auth-event-log.js';

/** The only part of a request the account use cases see. */
export function clientOf(request: FastifyRequest): ClientInfo {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof ua === 'string' ? ua : undefined };
}
