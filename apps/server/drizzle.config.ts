/**
 * drizzle-kit config: `npm run db:generate` (from the repo root) writes a new migration to
 * apps/server/drizzle/, which is committed and shipped with the build.
 * Paths resolve from this file, so the command works from any working directory; they are
 * handed over relative to the cwd because drizzle-kit prefixes `./` to the output path.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'drizzle-kit';

const here = (relative: string) => path.relative(process.cwd(), fileURLToPath(new URL(relative, import.meta.url))) || '.';

export default defineConfig({
  dialect: 'postgresql',
  schema: here('./src/db/schema/'),
  out: here('./drizzle'),
  strict: true,
  verbose: true,
});
