import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { e2eProject } from './apps/web/e2e/e2e-project.js';

// One `npm test` runs every workspace's tests. The `source` condition makes workspace
// packages resolve to their TypeScript sources, so tests never need a prior build.
export default defineConfig({
  // Vite's own defaults follow `source`, which replaces rather than extends them.
  // `@/x` is the web app's src/x (apps/web/tsconfig.json "paths"); only web code uses it.
  resolve: {
    conditions: ['source', 'module', 'browser', 'development|production'],
    alias: [{ find: /^@\//, replacement: fileURLToPath(new URL('./apps/web/src/', import.meta.url)) }],
  },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'contracts',
          include: ['packages/contracts/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'trading-rules',
          include: ['packages/trading-rules/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['apps/server/src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
        },
      },
      {
        // The browser suite (real server + Debian's Chromium); skips without Chromium, fails under CI.
        extends: true,
        test: { ...e2eProject },
      },
      {
        extends: true,
        test: {
          name: 'scripts',
          include: ['scripts/**/*.test.ts', 'bench/**/*.test.ts', 'infra/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
    ],
  },
});
