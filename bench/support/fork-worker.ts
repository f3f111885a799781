/** Runs a bench helper (TypeScript) in its own Node process and talks to it over IPC. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface Worker {
  child: ChildProcess;
  pid: number;
  send(message: object): void;
  /** The next message of `type` from the worker. */
  next<T = Record<string, unknown>>(type: string, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

export function forkWorker(script: string, env: Record<string, string | undefined> = {}): Worker {
  const child = fork(path.join(here, script), [], {
    execArgv: ['--conditions=source', '--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const inbox: Array<{ type: string }> = [];
  const waiters = new Set<() => void>();
  child.on('message', (m: { type: string }) => {
    inbox.push(m);
    for (const w of waiters) w();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    pid: child.pid!,
    send: (message) => child.send(message),
    async next<T>(type: string, timeoutMs = 300_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = inbox.findIndex((m) => m.type === type);
        if (i >= 0) return inbox.splice(i, 1)[0] as T;
        if (child.exitCode !== null) throw new Error(`${script} exited (${child.exitCode}) before sending ${type}`);
        if (Date.now() > deadline) throw new Error(`${script} sent no ${type} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(done, 250);
          function done() {
            clearTimeout(t);
            waiters.delete(done);
            resolve();
          }
          waiters.add(done);
        });
      }
    },
    async stop() {
      if (child.exitCode === null) {
        child.send({ type: 'exit' });
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
