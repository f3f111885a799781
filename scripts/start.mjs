#!/usr/bin/env node
// `npm start`: builds whatever is missing or older than its sources, then runs the server
// in this process (so Ctrl-C and SIGTERM reach it directly).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `cryptosim needs Node.js 24 or newer; this is ${process.version}.\n` +
      'Install Node 24 LTS (https://nodejs.org), or run: source scripts/node24.sh && npm start',
  );
  process.exit(1);
}

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(entry)) {
    if (name === 'node_modules' || name === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

const targets = [
  {
    name: 'contracts',
    output: 'packages/contracts/dist/index.js',
    sources: ['packages/contracts/src', 'packages/contracts/tsconfig.json'],
    command: ['npx', 'tsc', '-b', 'packages/contracts'],
  },
  {
    name: 'trading-rules',
    output: 'packages/trading-rules/dist/index.js',
    sources: ['packages/trading-rules/src', 'packages/trading-rules/tsconfig.json', 'packages/contracts/src'],
    command: ['npx', 'tsc', '-b', 'packages/trading-rules'],
  },
  {
    name: 'server',
    output: 'apps/server/dist/main.js',
    sources: ['apps/server/src', 'apps/server/tsconfig.json', 'apps/server/tsconfig.build.json', 'packages/contracts/src', 'packages/trading-rules/src'],
    command: ['npx', 'tsc', '-p', 'apps/server/tsconfig.build.json'],
  },
  {
    name: 'web',
    output: 'apps/web/dist/index.html',
    sources: ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/contracts/src', 'packages/trading-rules/src'],
    command: ['npm', 'run', 'build', '-w', 'apps/web'],
  },
];

for (const t of targets) {
  const output = path.join(root, t.output);
  const builtAt = existsSync(output) ? statSync(output).mtimeMs : 0;
  const changedAt = Math.max(...t.sources.map((s) => newestMtime(path.join(root, s))));
  if (builtAt >= changedAt) continue;
  console.log(`[start] building ${t.name} (${builtAt ? 'sources changed' : 'not built yet'})…`);
  const result = spawnSync(t.command[0], t.command.slice(1), { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[start] building ${t.name} failed; see the output above.`);
    process.exit(result.status ?? 1);
  }
}

await import(pathToFileURL(path.join(root, 'apps/server/dist/main.js')).href);
