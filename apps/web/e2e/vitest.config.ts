import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { e2eProject } from './e2e-project.js';

// The browser suite on its own; the root config runs the same settings as its `web-e2e` project.
export default defineConfig({
  root: fileURLToPath(new URL('../../..', import.meta.url)),
  test: { ...e2eProject },
});
