/**
 * Signing out ends the session's access tokens at once on every bearer route of the app, not
 * only on the accounts, trading and portfolio routes: the AI and jobs routes once honoured a
 * signed-out token until it expired (15 minutes).
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, expectProblem, fromIp, newIp } from '../modules/accounts/testing/clients.js';
import { startTestApp, testBackends, type SignedInUser, type TestApp } from '../testing/test-app.js';
import { MODULES } from './modules.js';

interface Operation {
  method: string;
  path: string;
  security?: Array<Record<string, unknown>>;
}

/** One request per family the issue names: a prediction, the conversations, the job runs. */
const PROBES: InjectOptions[] = [
  { method: 'POST', url: '/api/ai/predict', payload: { symbol: 'BTCUSDT' } },
  { method: 'GET', url: '/api/ai/models' },
  { method: 'GET', url: '/api/ai/conversations' },
  { method: 'GET', url: '/api/jobs/runs' },
];

function as(user: SignedInUser, request: InjectOptions): InjectOptions {
  return { ...request, headers: { ...bearer(user.accessToken), ...fromIp(newIp()) } };
}

async function bearerOperations(app: FastifyInstance): Promise<Operation[]> {
  const doc = (await app.inject('/openapi.json')).json() as { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>> };
  return Object.entries(doc.paths)
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ ...op, method, path })))
    .filter((op) => op.security?.some((s) => 'bearerAuth' in s));
}

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason)(`a signed-out session on ${backend.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ on: backend, modules: MODULES });
    }, 120_000);
    afterAll(async () => t?.close());

    async function signOut(user: SignedInUser): Promise<void> {
      const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: fromIp(newIp()), payload: { refreshToken: user.refreshToken } });
      expect(out.statusCode).toBe(204);
    }

    it('when a user logs out, then the same access token gets 401 on /api/ai/* and /api/jobs/*, which it passed before', async () => {
      const user = await t.signUp();
      for (const probe of PROBES) {
        const before = await t.app.inject(as(user, probe));
        expect(before.statusCode, `${probe.method} ${probe.url} before logout: ${before.body}`).not.toBe(401);
      }
      await signOut(user);
      for (const probe of PROBES) {
        const body = expectProblem(await t.app.inject(as(user, probe)), 401, 'UNAUTHORIZED');
        expect(body.detail, `${probe.method} ${probe.url}`).toMatch(/signed out/);
      }
    });

    it('when a user logs out, then every bearer route of the OpenAPI document refuses the token as signed out', async () => {
      const operations = await bearerOperations(t.app);
      expect(operations.map((o) => o.path)).toEqual(expect.arrayContaining(['/api/ai/predict', '/api/jobs/runs', '/api/trading/orders', '/api/auth/me']));
      const user = await t.signUp();
      await signOut(user);
      for (const op of operations) {
        // The hook answers before the body or the parameters are read, so placeholders do.
        const url = op.path.replaceAll(/\{[^}]+\}/g, '1');
        const res = await t.app.inject(as(user, { method: op.method.toUpperCase() as InjectOptions['method'], url }));
        const body = expectProblem(res, 401, 'UNAUTHORIZED');
        expect(body.detail, `${op.method} ${url}`).toMatch(/signed out/);
      }
    });
  });
}
