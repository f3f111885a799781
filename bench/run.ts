/**
 * `npm run bench -- <name> [--json]`: runs bench/<name>.ts, prints its table and writes the
 * figures to bench/results/<name>-<time>.json (with the machine) for BENCHMARKS.md.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, BenchResult } from './support/benchmark.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

function printTable(result: BenchResult) {
  const rows = result.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(2)) : v])));
  console.log(`\n${result.title}`);
  console.table(rows);
  for (const note of result.notes ?? []) console.log(`  · ${note}`);
}

async function available(): Promise<string[]> {
  const files = await readdir(here);
  return files.filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts')).map((f) => f.replace(/\.ts$/, ''));
}

const name = process.argv[2];
const names = await available();
if (!name || !names.includes(name)) {
  console.error(`usage: npm run bench -- <name>\navailable: ${names.join(', ')}`);
  process.exit(2);
}
const mod = (await import(pathToFileURL(path.join(here, `${name}.ts`)).href)) as { default: Benchmark };
const startedAt = new Date();
const result = await mod.default.run();
printTable(result);
const outDir = path.join(here, 'results');
await mkdir(outDir, { recursive: true });
const file = path.join(outDir, `${name}-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
await writeFile(file, JSON.stringify({ name, startedAt, machine: machine(), ...result }, null, 2));
console.log(`\nfigures written to ${path.relative(process.cwd(), file)}`);
