/**
 * The floor every other HTTP benchmark is compared to: GET /healthz on the production
 * build, embedded mode, server in its own process, autocannon in this one.
 */
import autocannon from 'autocannon';
import { durationSeconds, type Benchmark } from './support/benchmark.js';
import { startServerProcess } from '../apps/server/src/testing/server-process.js';

const benchmark: Benchmark = {
  description: 'autocannon on /healthz: req/s, p50/p99 latency',
  async run() {
    const server = await startServerProcess({ ROLES: 'api' });
    try {
      const duration = durationSeconds(10);
      const rows = [];
      const figures: Record<string, number> = {};
      for (const connections of [10, 100]) {
        // A short warm-up so the JIT and sockets are settled before measuring.
        await autocannon({ url: `${server.url}/healthz`, connections, duration: 1 });
        const r = await autocannon({ url: `${server.url}/healthz`, connections, duration, pipelining: 1 });
        if (r.non2xx > 0 || r.errors > 0) throw new Error(`http-baseline saw ${r.non2xx} non-2xx and ${r.errors} errors`);
        rows.push({
          connections,
          'req/s (mean)': r.requests.average,
          'p50 ms': r.latency.p50,
          'p99 ms': r.latency.p99,
          'max ms': r.latency.max,
          requests: r.requests.total,
        });
        figures[`reqPerSec_c${connections}`] = r.requests.average;
        figures[`p99Ms_c${connections}`] = r.latency.p99;
      }
      return {
        title: `http-baseline: GET /healthz, ${duration} s per run, embedded mode, server in its own process`,
        rows,
        figures,
        notes: ['Later HTTP benchmarks report their throughput as a ratio to reqPerSec_c100 measured in the same run.'],
      };
    } finally {
      await server.stop();
    }
  },
};

export default benchmark;
