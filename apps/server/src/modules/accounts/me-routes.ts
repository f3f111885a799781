import {
  AuthEventsQuery,
  AuthEventsResponse,
  ChangePasswordRequest,
  ChartLayout,
  SessionParams,
  SessionsResponse,
  UpdateMeRequest,
  User,
} from '@cryptosim/contracts';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { RateLimiter } from '../../kernel/rate-limit.js';
import { AppError } from '../../kernel/app-error.js';
import type { AccountsDeps } from './accounts-deps.js';
import { PASSWORD_CHANGE_RULES } from './auth-rate-limits.js';
import type { authenticate } from './authenticate.js';
import { changePassword } from './change-password.js';
import { getChartLayout, saveChartLayout } from './chart-layout.js';
import { clientOf } from './client-info.js';
import { listAuthEvents } from './list-auth-events.js';
import { listSessions, revokeSession } from './manage-sessions.js';
import { noContent } from '../../kernel/no-content.js';
import { problemResponses } from '../../kernel/problem.js';
import { updateEmail } from './update-email.js';
import { findUserById } from './user-repository.js';
import { toUserView } from './user-view.js';

/** The signed-in user's own account: profile, password, audit trail, devices. */
export function meRoutes(deps: AccountsDeps, limiter: RateLimiter, auth: ReturnType<typeof authenticate>) {
  return async (server: FastifyInstance) => {
    // Handlers take their request and reply types from the route's schemas.
    const app = server.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['auth'];
    const security = [{ bearerAuth: [] }];
    // onRequest: an anonymous caller is refused before its body is even parsed.
    app.addHook('onRequest', auth);

    app.get('/api/auth/me', { schema: { tags, security, response: { 200: User, ...problemResponses(401) } } }, async (request) => {
      const row = await findUserById(deps.db, request.user.id);
      if (!row) throw new AppError('UNAUTHORIZED', 401, 'The account no longer exists.');
      return toUserView(row);
    });

    app.patch(
      '/api/auth/me',
      { schema: { tags, security, summary: 'Change the e-mail address', body: UpdateMeRequest, response: { 200: User, ...problemResponses(400, 401, 409) } } },
      async (request) => updateEmail(deps, request.user.id, request.body.email, clientOf(request)),
    );

    app.post(
      '/api/auth/password',
      {
        // Runs after the scope's authenticate, so the limit is per user: 5 a minute.
        preHandler: limiter.hook(PASSWORD_CHANGE_RULES),
        schema: {
          tags,
          security,
          summary: 'Change the password; every other session is signed out',
          body: ChangePasswordRequest,
          response: { 204: noContent('Changed'), ...problemResponses(400, 401, 403, 429) },
        },
      },
      async (request, reply) => {
        await changePassword(deps, request.user, request.body, clientOf(request));
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/auth/events',
      { schema: { tags, security, summary: 'Your sign-in history, newest first', querystring: AuthEventsQuery, response: { 200: AuthEventsResponse, ...problemResponses(400, 401) } } },
      async (request) => listAuthEvents(deps.db, request.user.id, request.query),
    );

    app.get(
      '/api/auth/chart-layout',
      { schema: { tags, security, summary: 'Your chart layout (the default until you save one)', response: { 200: ChartLayout, ...problemResponses(401) } } },
      async (request) => getChartLayout(deps.db, request.user.id),
    );

    app.put(
      '/api/auth/chart-layout',
      {
        schema: { tags, security, summary: 'Save your chart layout: timeframe, indicators and their settings', body: ChartLayout, response: { 200: ChartLayout, ...problemResponses(400, 401) } },
      },
      async (request) => saveChartLayout(deps.db, request.user.id, request.body),
    );

    app.get('/api/auth/sessions', { schema: { tags, security, summary: 'Your signed-in devices', response: { 200: SessionsResponse, ...problemResponses(401) } } }, async (request) =>
      listSessions(deps, request.user),
    );

    app.delete(
      '/api/auth/sessions/:id',
      { schema: { tags, security, summary: 'Sign one device out', params: SessionParams, response: { 204: noContent('Signed out'), ...problemResponses(401, 404) } } },
      async (request, reply) => {
        await revokeSession(deps, request.user, request.params.id, clientOf(request));
        return reply.status(204).send();
      },
    );
  };
}
