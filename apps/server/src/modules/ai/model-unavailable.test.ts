import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../../kernel/error-handler.js';
import { modelUnavailable } from './model-unavailable.js';

describe('modelUnavailable', () => {
  it('when a route throws it, then the client gets 503 MODEL_UNAVAILABLE problem+json with Retry-After', async () => {
    const app = Fastify();
    registerErrorHandling(app);
    app.get('/p', async () => {
      throw modelUnavailable('no-active-model', 30.2);
    });
    const res = await app.inject({ url: '/p' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('31');
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 503, code: 'MODEL_UNAVAILABLE', detail: expect.stringMatching(/No model is active/) });
    await app.close();
  });
});
