import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// Vite replaces (not extends) the default conditions when `resolve.conditions` is set,
// so the defaults are spread back in; `source` makes workspace packages resolve to TS.
const API_TARGET = 'http://localhost:8000';
const proxied = ['/api', '/healthz', '/readyz', '/docs', '/openapi.json'];

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    conditions: [...defaultClientConditions, 'source'],
    // `@/x` is apps/web/src/x (also in tsconfig.json "paths" and the root vitest.config.ts).
    alias: [{ find: /^@\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) }],
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // dist/.vite/manifest.json: which chunk each page loads; bench/web-bundle.ts reads it.
    manifest: true,
  },
  server: {
    proxy: {
      ...Object.fromEntries(proxied.map((path) => [path, { target: API_TARGET }])),
      '/ws': { target: API_TARGET, ws: true },
    },
  },
});
