/**
 * docs/API.md is the contract a client reads; /openapi.json is what the server serves. The
 * doc's "Served endpoints" index must name exactly the operations the server documents, so
 * a route added, renamed or dropped without the doc fails here.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { MODULES } from './modules.js';

const API_DOC = new URL('../../../../docs/API.md', import.meta.url);
const UNDOCUMENTED = [/^\/docs/, /^\/openapi\.json$/];

/** `METHOD /path` lines of the fenced block under the "Served endpoints" heading. */
function servedIndex(markdown: string): string[] {
  const section = markdown.split(/^## Served endpoints$/m)[1];
  const block = section?.match(/```text\n([\s\S]*?)```/)?.[1];
  if (!block) throw new Error('docs/API.md has no "## Served endpoints" section with a ```text block');
  return block.split('\n').map((l) => l.trim()).filter(Boolean);
}

describe('docs/API.md against the served OpenAPI document', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp({ modules: MODULES });
  }, 120_000);
  afterAll(async () => {
    await test?.close();
  });

  it('when the server lists its operations, then the doc indexes exactly those', async () => {
    const doc = (await test.app.inject('/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(doc.paths)
      .filter(([path]) => !UNDOCUMENTED.some((re) => re.test(path)))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();
    const indexed = servedIndex(await readFile(API_DOC, 'utf8')).sort();
    expect(served.length, 'the server documents some operations').toBeGreaterThan(10);
    expect(indexed, 'docs/API.md "Served endpoints" vs /openapi.json').toEqual(served);
  });
});
