import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The browser suite: the real server in its own process, Debian's Chromium through
// playwright-core. Node environment; one file, run on its own (`npm run test:e2e -w apps/web`)
// or as the `web-e2e` project of the root config.
export default defineConfig({
  root: fileURLToPath(new URL('../../..', import.meta.url)),
  test: {
    name: 'web-e2e',
    include: ['apps/web/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
