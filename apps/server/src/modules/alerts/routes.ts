/** `/api/alerts/*` (docs/API.md "Alerts"): the signed-in user's alerts and alert centre, thin handlers. */
import {
  Alert,
  AlertIdParams,
  AlertNotificationsQuery,
  AlertNotificationsResponse,
  AlertsResponse,
  CreateAlertRequest,
  MarkReadResponse,
  UpdateAlertRequest,
} from '@cryptosim/contracts';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { noContent } from '../../kernel/no-content.js';
import { problemResponses } from '../../kernel/problem.js';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './alert-notifications.js';
import type { AlertsDeps } from './alerts-deps.js';
import { createAlert, deleteAlert, listAlerts, updateAlert } from './manage-alerts.js';

export function alertRoutes(deps: AlertsDeps, auth: (request: FastifyRequest) => Promise<void>) {
  return async (server: FastifyInstance) => {
    const app = server.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['alerts'];
    const security = [{ bearerAuth: [] }];
    app.addHook('onRequest', auth);

    app.get(
      '/api/alerts',
      { schema: { tags, security, summary: 'Your price alerts, newest first', response: { 200: AlertsResponse, ...problemResponses(401) } } },
      async (request) => listAlerts(deps, request.user.id),
    );
    app.post(
      '/api/alerts',
      {
        schema: {
          tags,
          security,
          summary: 'Create a price alert (at most 100 active)',
          body: CreateAlertRequest,
          response: { 201: Alert, ...problemResponses(400, 401, 404, 409) },
        },
      },
      async (request, reply) => reply.status(201).send(await createAlert(deps, request.user.id, request.body)),
    );
    app.patch(
      '/api/alerts/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Edit an alert; it is armed (ACTIVE) again afterwards',
          params: AlertIdParams,
          body: UpdateAlertRequest,
          response: { 200: Alert, ...problemResponses(400, 401, 404, 409) },
        },
      },
      async (request) => updateAlert(deps, request.user.id, request.params.id, request.body),
    );
    app.delete(
      '/api/alerts/:id',
      { schema: { tags, security, summary: 'Delete an alert (its notifications stay)', params: AlertIdParams, response: { 204: noContent('Deleted'), ...problemResponses(400, 401, 404) } } },
      async (request, reply) => {
        await deleteAlert(deps, request.user.id, request.params.id);
        return reply.status(204).send();
      },
    );
    app.get(
      '/api/alerts/notifications',
      {
        schema: {
          tags,
          security,
          summary: 'Fired alerts, newest first, with the unread count',
          querystring: AlertNotificationsQuery,
          response: { 200: AlertNotificationsResponse, ...problemResponses(400, 401) },
        },
      },
      async (request) => listNotifications(deps.db.db, request.user.id, request.query),
    );
    app.post(
      '/api/alerts/notifications/:id/read',
      { schema: { tags, security, summary: 'Mark one notification read', params: AlertIdParams, response: { 200: MarkReadResponse, ...problemResponses(400, 401, 404) } } },
      async (request) => markNotificationRead(deps.db.db, request.user.id, request.params.id),
    );
    app.post(
      '/api/alerts/notifications/read-all',
      { schema: { tags, security, summary: 'Mark every notification read', response: { 200: MarkReadResponse, ...problemResponses(401) } } },
      async (request) => markAllNotificationsRead(deps.db.db, request.user.id),
    );
  };
}
