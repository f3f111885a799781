import { AuthResponse, LoginRequest, LogoutRequest, RefreshRequest, RegisterRequest } from '@cryptosim/contracts';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { RateLimiter } from '../../kernel/rate-limit.js';
import type { AccountsDeps } from './accounts-deps.js';
import { LOGIN_RULES, REGISTER_RULES } from './auth-rate-limits.js';
import { clientOf } from './client-info.js';
import { logIn } from './log-in.js';
import { logOut } from './log-out.js';
import { refreshSession } from './refresh-session.js';
import { registerUser } from './register-user.js';
import { noContent } from '../../kernel/no-content.js';
import { problemResponses } from '../../kernel/problem.js';


/** POST /api/auth/register, /login, /refresh, /logout: no access token needed. */
export function authRoutes(deps: AccountsDeps, limiter: RateLimiter) {
  return async (server: FastifyInstance) => {
    // Handlers take their request and reply types from the route's schemas.
    const app = server.withTypeProvider<TypeBoxTypeProvider>();
    app.post(
      '/api/auth/register',
      {
        config: { ownRateLimit: true },
        preValidation: limiter.hook(REGISTER_RULES),
        schema: {
          tags: ['auth'],
          summary: 'Create an account (100000 USDT) and sign in; 10 per hour per address',
          body: RegisterRequest,
          response: { 201: AuthResponse, ...problemResponses(400, 409, 429) },
        },
      },
      async (request, reply) => reply.status(201).send(await registerUser(deps, request.body, clientOf(request))),
    );

    app.post(
      '/api/auth/login',
      {
        config: { ownRateLimit: true },
        preValidation: limiter.hook(LOGIN_RULES),
        schema: {
          tags: ['auth'],
          summary: 'Sign in with username or e-mail; 5 per minute per username and address, 20 per address',
          body: LoginRequest,
          response: { 200: AuthResponse, ...problemResponses(400, 401, 429) },
        },
      },
      async (request) => logIn(deps, request.body, clientOf(request)),
    );

    app.post(
      '/api/auth/refresh',
      {
        schema: {
          tags: ['auth'],
          summary: 'Swap a refresh token for a new pair; the old one stops working (reusing it signs the login out)',
          body: RefreshRequest,
          response: { 200: AuthResponse, ...problemResponses(400, 401, 429) },
        },
      },
      async (request) => refreshSession(deps, request.body.refreshToken, clientOf(request)),
    );

    app.post(
      '/api/auth/logout',
      {
        schema: {
          tags: ['auth'],
          summary: 'End the session of this refresh token (always 204)',
          body: LogoutRequest,
          response: { 204: noContent('Signed out'), ...problemResponses(400, 429) },
        },
      },
      async (request, reply) => {
        await logOut(deps, request.body.refreshToken, clientOf(request));
        return reply.status(204).send();
      },
    );
  };
}
