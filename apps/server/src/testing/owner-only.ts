/**
 * IDOR checks for any user-owned resource: the owner reaches it, anyone else gets the same
 * 404 as for a resource that does not exist (never 403, which would confirm it exists).
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';

export interface OwnedRequest {
  /** e.g. 'DELETE /api/auth/sessions/<id>', for the failure message. */
  name: string;
  method: InjectOptions['method'];
  url: string;
  payload?: InjectOptions['payload'];
  /** Headers besides Authorization (e.g. a unique X-Forwarded-For). */
  headers?: Record<string, string>;
}

/**
 * Sends each request with the intruder's token (expects 404 NOT_FOUND problem+json), then
 * with the owner's (expects `ownerStatus`): the intruder goes first, so a destructive request
 * (DELETE) proves it changed nothing when the owner's call still succeeds.
 */
export async function expectOwnerOnly(
  app: FastifyInstance,
  tokens: { owner: string; intruder: string },
  requests: OwnedRequest[],
  ownerStatus: (request: OwnedRequest) => number = () => 200,
): Promise<void> {
  for (const request of requests) {
    const send = (token: string) =>
      app.inject({
        method: request.method,
        url: request.url,
        ...(request.payload === undefined ? {} : { payload: request.payload }),
        headers: { ...request.headers, authorization: `Bearer ${token}` },
      });
    const intruder = await send(tokens.intruder);
    expect(intruder.statusCode, `${request.name} by another user: ${intruder.body}`).toBe(404);
    expect(intruder.json().code, `${request.name} by another user`).toBe('NOT_FOUND');
    const owner = await send(tokens.owner);
    expect(owner.statusCode, `${request.name} by its owner: ${owner.body}`).toBe(ownerStatus(request));
  }
}
