import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { replyNotFound } from '../kernel/error-handler.js';

/** Paths the server owns; anything else that is a GET is a page of the single-page app. */
const SERVER_PREFIXES = ['/api/', '/ws/', '/docs', '/openapi.json', '/healthz', '/readyz'];

/**
 * Serves the built web app at `/` with a single-page fallback, so deep links like
 * /portfolio load index.html. Hashed assets are cached for a year; index.html never.
 */
export async function registerWebStatic(app: FastifyInstance, distDir: string): Promise<boolean> {
  // Sets the app's not-found handler (pages fall back to index.html); returns false when unbuilt.
  if (!existsSync(path.join(distDir, 'index.html'))) {
    app.log.warn({ distDir }, 'web app is not built; / will answer 404 (run `npm run build`)');
    return false;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: ['index.html'],
    setHeaders(res, filePath) {
      if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      else res.header('cache-control', 'no-cache');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !SERVER_PREFIXES.some((p) => url.startsWith(p)) && !path.extname(url);
    if (isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return replyNotFound(request, reply);
  });
  return true;
}
