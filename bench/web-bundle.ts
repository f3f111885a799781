/**
 * What a browser downloads: the initial JS (the entry plus every chunk index.html
 * modulepreloads) and, per lazily loaded page, its own chunk and the shared chunks it adds,
 * all gzip-compressed. Checks the target: initial JS ≤ 250 KB gzip. The web app is
 * rebuilt first when its sources are newer than apps/web/dist.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Benchmark, Cell } from './support/benchmark.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'apps/web');
const dist = path.join(web, 'dist');
const TARGET_KB = 250;

interface ManifestChunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

function newest(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((max, name) => (name === 'node_modules' || name === 'dist' ? max : Math.max(max, newest(path.join(entry, name)))), 0);
}

function ensureBuilt(): string {
  const manifest = path.join(dist, '.vite/manifest.json');
  const builtAt = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const changedAt = Math.max(...['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => newest(path.join(web, p))), newest(path.join(root, 'packages/contracts/src')));
  if (builtAt >= changedAt) return 'apps/web/dist is up to date with its sources; read as is';
  const result = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build -w apps/web failed');
  return 'apps/web rebuilt (sources were newer than dist)';
}

const gzipKB = (file: string) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;

/** Files a chunk pulls in with static imports, itself included. */
function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const dep of chunk.imports ?? []) closure(manifest, dep, seen);
  return seen;
}

const benchmark: Benchmark = {
  description: 'gzip size of the initial JS (entry + modulepreloads) and of each lazily loaded page',
  async run() {
    const buildNote = ensureBuilt();
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const initial = [
      ...html.matchAll(/<script[^>]+type="module"[^>]+src="\/([^"]+\.js)"/g),
      ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
    ].map((m) => m[1]!);
    const initialKB = initial.reduce((sum, file) => sum + gzipKB(file), 0);

    const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
    const loaded = new Set(initial);
    const rows: Array<Record<string, Cell>> = [{ chunk: 'initial (entry + modulepreload)', files: initial.length, 'own gzip KB': initialKB, 'added on first visit gzip KB': initialKB }];
    let largest = { name: '', kb: 0 };
    for (const [key, chunk] of Object.entries(manifest).filter(([, c]) => c.isDynamicEntry)) {
      const own = gzipKB(chunk.file);
      const added = [...closure(manifest, key)].filter((file) => !loaded.has(file));
      const addedKB = added.reduce((sum, file) => sum + gzipKB(file), 0);
      const name = chunk.name ?? path.basename(chunk.file);
      rows.push({ chunk: name, files: added.length, 'own gzip KB': own, 'added on first visit gzip KB': addedKB });
      if (own > largest.kb) largest = { name, kb: own };
    }
    rows.sort((a, b) => Number(b['added on first visit gzip KB']) - Number(a['added on first visit gzip KB']));
    const verdict = initialKB <= TARGET_KB ? 'PASS' : 'FAIL';
    return {
      title: `web-bundle: JS gzip (level 9) of apps/web/dist`,
      rows,
      figures: { initialJsGzipKB: initialKB, largestPageChunkGzipKB: largest.kb, targetKB: TARGET_KB },
      notes: [
        buildNote,
        `initial JS ${initialKB.toFixed(1)} KB gzip vs target ≤ ${TARGET_KB} KB: ${verdict}`,
        `largest page chunk: ${largest.name} ${largest.kb.toFixed(1)} KB gzip (own file; "added on first visit" also counts the shared chunks it brings)`,
      ],
    };
  },
};

export default benchmark;
