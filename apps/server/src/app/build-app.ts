import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { registerErrorHandling, replyNotFound } from '../kernel/error-handler.js';
import { registerOpenApi } from './openapi.js';
import { registerSecurity, replyClientError, replyFrameworkError } from './security.js';
import { serializeRequest } from '../kernel/redact-url.js';
import { registerWebSocket } from '../kernel/websocket.js';
import { Readiness, type Ports } from '../kernel/ports.js';
import { registerValidation } from './validation.js';
import { registerWebStatic } from './web-static.js';
import type { AppModule } from '../kernel/module.js';
import { moduleContext } from './module-context.js';
import { MODULES, PLATFORM_MODULES } from './modules.js';

export interface BuildOptions {
  logger?: Logger;
  /** Start-up work still pending per port; /readyz reports 503 until it is done. */
  readiness?: Readiness;
  /** Business modules whose routes to register (default: all of them; health always). */
  modules?: AppModule[];
}

const trustHops = (n: number) => (_address: string, hop: number) => hop < n;

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * Builds the HTTP app without listening, so tests drive it with `inject()`.
 * Order: cross-cutting plugins, then app plugins, then routes (Fastify's guide).
 */
export async function buildApp(config: Config, ports: Ports, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    // The request serializer redacts credentials from URLs (`?token=` on WebSocket paths).
    ...(options.logger ? { loggerInstance: options.logger.child({}, { serializers: { req: serializeRequest } }) as FastifyBaseLogger } : { logger: false }),
    bodyLimit: 1024 * 1024,
    // A hop count becomes proxy-addr's own rule (trust the first n hops); Fastify's types
    // accept only the other forms.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    ajv: { customOptions: { removeAdditional: false } },
    return503OnClosing: true,
    // Router-level refusals (bad URL encoding, a path parameter over 100 characters) go
    // through the error handler too, so they are problem+json like every other error.
    frameworkErrors: replyFrameworkError,
    // And so are Node's HTTP parser refusals (431 headers too large, 400 malformed HTTP).
    clientErrorHandler: replyClientError,
  });
  const readiness = options.readiness ?? new Readiness();

  registerValidation(app);
  registerErrorHandling(app);
  await registerSecurity(app, config, ports.cache);
  await registerWebSocket(app, { maxSocketsPerAddress: config.wsMaxSocketsPerAddress });
  await registerOpenApi(app);

  const modules = [...PLATFORM_MODULES, ...(options.modules ?? MODULES)];
  const ctx = moduleContext({ config, ports, logger: options.logger ?? app.log as unknown as Logger, readiness }, modules);
  for (const module of modules) {
    const serves = module.everyRole || config.roles.has('api');
    if (module.routes && serves) await app.register(async (scope) => module.routes!(scope, ctx));
  }

  const servesWeb = config.roles.has('api') && (await registerWebStatic(app, config.webDistDir ?? DEFAULT_WEB_DIST));
  if (!servesWeb) app.setNotFoundHandler(replyNotFound);
  return app;
}
