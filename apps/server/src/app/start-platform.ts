import { mkdir } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './build-app.js';
import type { Config } from '../config.js';
import { resolveJwtSecret } from '../kernel/jwt-secret.js';
import { retryWithBackoff } from '../kernel/retry-with-backoff.js';
import { SchemaTooNewError } from '../ports/db/migrations.js';
import { closePorts, createPorts } from './create-ports.js';
import { Readiness } from '../kernel/ports.js';
import type { Running } from '../kernel/module.js';
import { moduleContext } from './module-context.js';
import { MarketWorldError, settleMarketWorld } from '../modules/market/index.js';
import { MODULES } from './modules.js';
import { startRoles } from './roles.js';

export interface Platform {
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Starts one process: ports, HTTP (always, so probes work; API routes only in the api role),
 * then the roles' entry points once the database is migrated. Services that are not up yet
 * are retried with backoff while /readyz answers 503 naming them; a fault that waiting
 * cannot fix is reported through `onFatal`.
 */
export async function startPlatform(config: Config, logger: Logger, onFatal?: (error: unknown) => void): Promise<Platform> {
  await mkdir(config.dataDir, { recursive: true });
  const ports = await createPorts(config, logger);
  const jwtSecret = await resolveJwtSecret(config.jwtSecret, config.dataDir);
  const readiness = new Readiness();
  readiness.waitFor('db', 'migrations not applied yet');
  readiness.waitFor('market', 'market world not settled yet');

  const app = await buildApp({ ...config, jwtSecret }, ports, { logger, readiness });
  const url = await app.listen({ port: config.port, host: config.host });

  const shutdown = new AbortController();
  let running: Running[] = [];
  const background = (async () => {
    await retryWithBackoff(() => ports.db.migrate(), {
      signal: shutdown.signal,
      baseMs: 500,
      maxMs: 10_000,
      retryable: (e) => !(e instanceof SchemaTooNewError),
      onRetry: (e, attempt, delayMs) =>
        logger.warn(`database (${ports.db.impl}) not usable yet: ${describe(e)}; retry ${attempt} in ${delayMs} ms`),
    });
    readiness.done('db');
    logger.info({ impl: ports.db.impl }, 'database migrated');
    // The database's market world: recorded on a first start by the process that runs the
    // feed, then kept; a source of another world stops start-up here with one line.
    const world = await retryWithBackoff(
      () => settleMarketWorld({ db: ports.db, cache: ports.cache, source: ports.market, market: config.market, mayDecide: config.roles.has('ingest') || config.roles.has('projector'), logger }),
      {
        signal: shutdown.signal,
        baseMs: 500,
        maxMs: 10_000,
        retryable: (e) => !(e instanceof MarketWorldError),
        onRetry: (e, attempt, delayMs) => logger.warn(`market world not settled yet: ${describe(e)}; retry ${attempt} in ${delayMs} ms`),
      },
    );
    readiness.done('market');
    if (world) logger.info({ world: world.world }, 'market world settled');
    running = await startRoles({ ...moduleContext({ config: { ...config, jwtSecret }, ports, logger, readiness }, MODULES), signal: shutdown.signal }, MODULES);
    logger.info({ roles: [...config.roles], url }, 'cryptosim is ready');
  })().catch((e: unknown) => {
    if (shutdown.signal.aborted) return;
    // Not a passing fault (a schema from a newer build, a bug): say so once and stop.
    logger.fatal(`start-up failed: ${describe(e)}`);
    onFatal?.(e);
  });

  return {
    app,
    url,
    async stop() {
      shutdown.abort(new Error('shutting down'));
      await app.close();
      await background;
      for (const r of running.reverse()) await r.stop().catch((e: unknown) => logger.warn(`stop failed: ${describe(e)}`));
      await closePorts(ports);
    },
  };
}
