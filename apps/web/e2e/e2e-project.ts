import type { TestProjectInlineConfiguration } from 'vitest/config';

/**
 * The browser suite's vitest settings, shared by the root config (its `web-e2e` project) and
 * e2e/vitest.config.ts (`npm run test:e2e -w apps/web`): the real server in its own process,
 * Debian's Chromium through playwright-core, Node environment.
 */
export const e2eProject: NonNullable<TestProjectInlineConfiguration['test']> = {
  name: 'web-e2e',
  include: ['apps/web/e2e/**/*.e2e.test.ts'],
  environment: 'node',
  testTimeout: 180_000,
  hookTimeout: 300_000,
};
