/**
 * The README's promise: `npm start` runs the whole platform. These start the real entry
 * (scripts/start.mjs → built server) as a child process, as a user would.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { service } from '../apps/server/src/testing/services.js';
import { startServerProcess, type ServerProcess } from '../apps/server/src/testing/server-process.js';
import { createTestDatabase } from '../apps/server/src/testing/test-database.js';
import { RUN_ID } from '../apps/server/src/testing/services.js';

interface ReadyBody {
  status: string;
  ports: Record<string, { impl: string; ok: boolean }>;
}

describe('npm start, embedded mode', () => {
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it('when started with nothing configured, then /readyz shows pglite/memory/memory/memory, the web app loads, and SIGTERM stops it cleanly', async () => {
    server = await startServerProcess();
    const ready = (await (await fetch(`${server.url}/readyz`)).json()) as ReadyBody;
    expect(ready.status).toBe('ok');
    expect(Object.fromEntries(Object.entries(ready.ports).map(([k, v]) => [k, v.impl]))).toMatchObject({
      db: 'pglite',
      cache: 'memory',
      bus: 'memory',
      jobs: 'memory',
    });
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const deepLink = await fetch(`${server.url}/some/page`);
    expect(deepLink.status, 'a client-side route must load index.html').toBe(200);
    const docs = await fetch(`${server.url}/openapi.json`);
    expect(((await docs.json()) as { paths: Record<string, unknown> }).paths).toHaveProperty('/readyz');
    const code = await server.stop('SIGTERM');
    server = undefined;
    expect(code, 'graceful shutdown exits 0').toBe(0);
  });
});

const [pg, redis, kafka] = await Promise.all([service('postgres'), service('redis'), service('kafka')]);

describe.skipIf(!pg.url || !redis.url || !kafka.url)('npm start, services mode', () => {
  it('when DATABASE_URL, REDIS_URL and KAFKA_BROKERS are set, then /readyz shows postgres/redis/kafka/bullmq', async () => {
    const database = await createTestDatabase(pg.url!);
    const server = await startServerProcess({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url!,
      KAFKA_BROKERS: kafka.url!,
      CACHE_KEY_PREFIX: `cs-test:${RUN_ID}:start:`,
      KAFKA_TOPIC_PREFIX: `cs-test-${RUN_ID}-start-`,
      JWT_SECRET: 'a-test-secret-that-is-at-least-32-characters',
    });
    try {
      const ready = (await (await fetch(`${server.url}/readyz`)).json()) as ReadyBody;
      expect(ready.status).toBe('ok');
      expect(Object.fromEntries(Object.entries(ready.ports).map(([k, v]) => [k, v.impl]))).toMatchObject({
        db: 'postgres',
        cache: 'redis',
        bus: 'kafka',
        jobs: 'bullmq',
      });
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
      await database.drop();
    }
  });
});

describe('npm start, refusing to start', () => {
  async function runToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
    const { spawn } = await import('node:child_process');
    const clean: Record<string, string | undefined> = { ...process.env };
    for (const k of ['DATABASE_URL', 'REDIS_URL', 'KAFKA_BROKERS', 'JWT_SECRET']) delete clean[k];
    const child = spawn(process.execPath, ['scripts/start.mjs'], { env: { ...clean, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    return { code, output };
  }

  it('when a variable has a bad value, then it exits 1 with one line naming the variable', async () => {
    const { code, output } = await runToExit({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(output).toContain('Invalid PORT="eighty"');
  });

  it('when DATA_DIR holds somebody else\'s files, then it exits 1 with a clear error and touches nothing', async () => {
    const { mkdtemp, writeFile, readdir, readFile } = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cs-foreign-'));
    await writeFile(path.join(dir, 'thesis.docx'), 'my only copy');
    const { freePort } = await import('../apps/server/src/testing/server-process.js');
    const { code, output } = await runToExit({ DATA_DIR: dir, PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(output).toMatch(/not a cryptosim data directory/i);
    expect(await readdir(dir)).toEqual(['thesis.docx']);
    expect(await readFile(path.join(dir, 'thesis.docx'), 'utf8')).toBe('my only copy');
  });
});
