import { ApiKeyParams, ApiKeysResponse, CreateApiKeyRequest, CreateApiKeyResponse } from '@cryptosim/contracts';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { noContent } from '../../../kernel/no-content.js';
import { problemResponses } from '../../../kernel/problem.js';
import type { RateLimiter } from '../../../kernel/rate-limit.js';
import { API_KEY_CREATE_RULES } from '../auth-rate-limits.js';
import { createApiKey, listApiKeys, revokeApiKeyOf, type ApiKeyDeps } from './manage-api-keys.js';

/** POST/GET /api/auth/api-keys and DELETE /api/auth/api-keys/:id: the signed-in user's own keys. */
export function apiKeyRoutes(deps: ApiKeyDeps, limiter: RateLimiter, auth: (request: FastifyRequest) => Promise<void>) {
  return async (server: FastifyInstance) => {
    const app = server.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['auth'];
    const security = [{ bearerAuth: [] }];
    app.addHook('onRequest', auth);

    app.post(
      '/api/auth/api-keys',
      {
        preHandler: limiter.hook(API_KEY_CREATE_RULES),
        schema: {
          tags,
          security,
          summary: 'Create an API key for the Binance-compatible API; an HMAC key\'s secret is in this reply only',
          body: CreateApiKeyRequest,
          response: { 201: CreateApiKeyResponse, ...problemResponses(400, 401, 409, 429) },
        },
      },
      async (request, reply) => reply.status(201).send(await createApiKey(deps, request.user.id, request.body)),
    );

    app.get(
      '/api/auth/api-keys',
      { schema: { tags, security, summary: 'Your API keys (never their secrets)', response: { 200: ApiKeysResponse, ...problemResponses(401) } } },
      async (request) => listApiKeys(deps, request.user.id),
    );

    app.delete(
      '/api/auth/api-keys/:id',
      { schema: { tags, security, summary: 'Revoke an API key; every replica refuses it from the next request', params: ApiKeyParams, response: { 204: noContent('Revoked'), ...problemResponses(400, 401, 404) } } },
      async (request, reply) => {
        await revokeApiKeyOf(deps, request.user.id, request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
