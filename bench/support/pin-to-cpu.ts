/**
 * Pins a bench process (all its threads) to one CPU with util-linux's taskset. The WebSocket
 * benches run the server and the load generator on one 2-core machine; left to the scheduler,
 * both migrate across both cores and queue behind each other, and the clients' work shows up
 * as the server's latency. One core each is the nearest this machine gets to two machines.
 * BENCH_PIN=0 turns it off; a machine with one CPU or without taskset runs unpinned.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** The CPU the process now runs on only, or why it was left unpinned. */
export function pinToCpu(pid: number, cpu: number): { pinned: number } | { unpinned: string } {
  if (process.env.BENCH_PIN === '0') return { unpinned: 'BENCH_PIN=0' };
  if (os.availableParallelism() <= cpu) return { unpinned: `only ${os.availableParallelism()} CPU(s)` };
  try {
    execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', String(cpu), String(pid)], { stdio: 'ignore' });
    return { pinned: cpu };
  } catch (err) {
    return { unpinned: `taskset failed: ${(err as Error).message}` };
  }
}

/** The bench note saying where the server and the clients ran. */
export function placementNote(server: ReturnType<typeof pinToCpu>, clients: ReturnType<typeof pinToCpu>): string {
  if ('pinned' in server && 'pinned' in clients) {
    return `Server pinned to CPU ${server.pinned}, clients to CPU ${clients.pinned} (taskset; BENCH_PIN=0 to let them share both).`;
  }
  const why = 'unpinned' in server ? server.unpinned : 'unpinned' in clients ? clients.unpinned : '';
  return `Server and clients share all CPUs (not pinned: ${why}).`;
}
