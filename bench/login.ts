/**
 * What a login costs: CPU time of one argon2id verify with our parameters (in this process),
 * then POST /api/auth/login against the production build until the 2 cores saturate. Every
 * request comes from a new X-Forwarded-For address, i.e. the attacker the per-IP limits stop
 * (20 logins per address a minute); this measures what the server could do without them.
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { hashPassword, verifyPassword, ARGON2_OPTIONS } from '../apps/server/src/modules/accounts/password-hash.js';
import { startServerProcess } from '../apps/server/src/testing/server-process.js';
import { durationSeconds, type Benchmark } from './support/benchmark.js';

async function cpuMsPerVerify(samples: number): Promise<{ cpuMs: number; wallMs: number }> {
  const stored = await hashPassword('correct horse battery');
  await verifyPassword(stored, 'correct horse battery'); // warm-up
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < samples; i++) await verifyPassword(stored, 'correct horse battery');
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000 / samples, wallMs: (performance.now() - started) / samples };
}

let ip = 0;
const nextIp = () => {
  ip += 1;
  return `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`;
};

const benchmark: Benchmark = {
  description: 'argon2id CPU per login, and POST /api/auth/login throughput until the CPUs saturate',
  async run() {
    const { cpuMs, wallMs } = await cpuMsPerVerify(40);
    const cores = os.cpus().length;
    const rows: Array<Record<string, string | number>> = [
      { measure: 'argon2id verify (in-process)', 'CPU ms': cpuMs, 'wall ms': wallMs, 'logins/s': 1000 / wallMs },
    ];
    const figures: Record<string, number> = { argon2CpuMsPerVerify: cpuMs, cpuBoundLoginsPerSec: (cores * 1000) / cpuMs };

    const server = await startServerProcess({ ROLES: 'api', TRUST_PROXY: 'true' });
    try {
      const user = { username: `bench_${process.pid}`, email: `bench_${process.pid}@example.com`, password: 'correct horse battery' };
      const reg = await fetch(`${server.url}/api/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
      if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${await reg.text()}`);
      const body = JSON.stringify({ username: user.username, password: user.password });
      const duration = durationSeconds(10);
      for (const connections of [2, 8, 32]) {
        const r = await autocannon({
          url: server.url,
          connections,
          duration,
          requests: [
            {
              method: 'POST',
              path: '/api/auth/login',
              body,
              setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'content-type': 'application/json', 'x-forwarded-for': nextIp() } }),
            },
          ],
        });
        if (r.non2xx > 0 || r.errors > 0) throw new Error(`login bench saw ${r.non2xx} non-2xx and ${r.errors} errors`);
        rows.push({ measure: `HTTP login, ${connections} connections`, 'logins/s': r.requests.average, 'p50 ms': r.latency.p50, 'p99 ms': r.latency.p99 });
        figures[`loginsPerSec_c${connections}`] = r.requests.average;
        figures[`p99Ms_c${connections}`] = r.latency.p99;
      }
    } finally {
      await server.stop();
    }
    return {
      title: `login: argon2id m=${ARGON2_OPTIONS.memoryCost} KiB t=${ARGON2_OPTIONS.timeCost} p=${ARGON2_OPTIONS.parallelism}, ${cores} cores, embedded mode`,
      rows,
      figures,
      notes: [
        `CPU bound: ${cores} cores / ${cpuMs.toFixed(1)} ms per verify ≈ ${figures.cpuBoundLoginsPerSec!.toFixed(0)} logins/s at most.`,
        'The per-address limits cap one address at 20 attempts a minute (0.33/s) and 5 per username: saturating the CPU would take ' +
          `about ${Math.ceil(figures.cpuBoundLoginsPerSec! / (20 / 60))} addresses at once, and guessing one password stays at 5 tries a minute per address.`,
      ],
    };
  },
};

export default benchmark;
