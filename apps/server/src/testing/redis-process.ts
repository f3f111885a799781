/**
 * A throwaway `redis-server` for tests that must take Redis away and bring it back
 * (outage and recovery), which a shared service cannot be used for.
 *
 * Nothing is persisted (`--save "" --appendonly no`), so a restart is an empty Redis,
 * the same as a real Redis that lost its memory.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';

const BINARY = 'redis-server';

/** Why the outage tests cannot run here, or undefined when `redis-server` is installed. */
export function redisServerMissingReason(): string | undefined {
  const probe = spawnSync(BINARY, ['--version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) return `${BINARY} is not installed (apt-get install redis-server)`;
  return undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export class RedisProcess {
  private child: ChildProcess | undefined;
  private readonly killOnExit = () => this.child?.kill('SIGKILL');

  private constructor(readonly port: number) {}

  /** Starts Redis on `port`, or on a free port when none is given. */
  static async start(port?: number): Promise<RedisProcess> {
    const redis = new RedisProcess(port ?? (await freePort()));
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Starts (again) on the same port and resolves once it accepts connections. */
  async start(): Promise<void> {
    if (this.child) return;
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    const child = spawn(BINARY, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    this.child = child;
    process.once('exit', this.killOnExit);
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`${BINARY} on port ${this.port} exited (${code}): ${stderr.trim()}`))),
    );
    exited.catch(() => undefined);
    const deadline = Date.now() + 10_000;
    while (!(await Promise.race([canConnect(this.port), exited]))) {
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(`${BINARY} did not accept connections on port ${this.port} within 10 s`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    child.removeAllListeners('exit');
  }

  /** Kills Redis abruptly (as a crash or network loss would) and waits until it is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    process.removeListener('exit', this.killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await gone;
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}
