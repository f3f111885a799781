import type { FastifyInstance } from 'fastify';
import { Liveness, Readiness as ReadinessBody } from '@cryptosim/contracts';
import { checkPorts, type Ports, type Readiness } from '../../kernel/ports.js';
import { marketWorldOf } from '../market/index.js';

export function healthRoutes(ports: Ports, readiness: Readiness) {
  return async function register(app: FastifyInstance): Promise<void> {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['health'],
          summary: 'Liveness: 200 while the process runs',
          response: { 200: Liveness },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/readyz',
      {
        schema: {
          tags: ['health'],
          summary: "Readiness: each port's implementation and state, and the database's market world; 503 when one is not usable",
          response: { 200: ReadinessBody, 503: ReadinessBody },
        },
      },
      async (_request, reply) => {
        const [states, world] = await Promise.all([checkPorts({ ...ports }, readiness), marketWorldOf(ports)]);
        const ok = Object.values(states).every((s) => s.ok);
        return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', ports: states, world });
      },
    );
  };
}
