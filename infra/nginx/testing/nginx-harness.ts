/**
 * Test support for infra/nginx/nginx-proxy.test.ts: finding nginx, rendering the site
 * template as the official image does, reading nginx's access log, and plain HTTP and
 * WebSocket clients that choose their source address.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

/** infra/nginx, where cryptosim.conf is. */
export const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(here, '../..');
export const WEB_DIST = path.join(root, 'apps/web/dist');
export const ROLES_ALL = 'api,ingest,projector,worker';

export interface Nginx {
  bin: string;
  /** The mime.types beside the package's own nginx.conf (the official image includes its copy). */
  mimeTypes: string;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findNginx(): Nginx | { skipReason: string } {
  // Debian puts nginx in /usr/sbin, which is not on every user's PATH.
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/local/nginx/sbin'];
  const bin = dirs.filter(Boolean).map((d) => path.join(d, 'nginx')).find(isExecutable);
  if (!bin) return { skipReason: 'nginx is not installed (Debian: apt-get install nginx-light; CI installs it from .ci/debian-packages.txt)' };
  const confPath = /--conf-path=(\S+)/.exec(spawnSync(bin, ['-V'], { encoding: 'utf8' }).stderr ?? '')?.[1] ?? '/etc/nginx/nginx.conf';
  const mimeTypes = path.join(path.dirname(confPath), 'mime.types');
  if (!existsSync(mimeTypes)) return { skipReason: `${bin} has no ${mimeTypes}` };
  return { bin, mimeTypes };
}

/** What the official image's envsubst does with NGINX_ENVSUBST_FILTER=CRYPTOSIM_. */
export function renderTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(/\$\{(CRYPTOSIM_[A-Z0-9_]+)\}/g, (_match, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`the template uses \${${name}}, which the test does not set`);
    return value;
  });
}

export interface LogLine {
  /** $remote_addr: the client as nginx saw it. */
  client: string;
  method: string;
  path: string;
  status: number;
  /** $upstream_addr: "-" when nginx answered from disk; "a, b" when it moved on to b. */
  upstream: string;
}

const LOG_LINE = /^(\S+) \[[^\]]+\] "(\S+) (\S+) HTTP\/[\d.]+" (\d{3}) \d+ upstream=(.+?) rt=/;

/**
 * nginx's access log (the template's `cryptosim` format). The template logs to /dev/stdout,
 * which nginx cannot open on a pipe or socket (ENXIO), so nginx's stdout is this file.
 */
export class AccessLog {
  constructor(readonly file: string) {}

  lines(): LogLine[] {
    return readFileSync(this.file, 'utf8')
      .split('\n')
      .map((line) => LOG_LINE.exec(line))
      .filter((m) => m !== null)
      .map((m) => ({ client: m[1]!, method: m[2]!, path: m[3]!, status: Number(m[4]), upstream: m[5]! }));
  }

  mark(): number {
    return this.lines().length;
  }

  /** The lines logged since `mark` for requests matching `filter`, once there are `count`. */
  async since(mark: number, count: number, filter: (l: LogLine) => boolean = () => true): Promise<LogLine[]> {
    // nginx logs a request after answering it, so its line can trail the response a little.
    const deadline = Date.now() + 5000;
    for (;;) {
      const lines = this.lines().slice(mark).filter(filter);
      if (lines.length >= count || Date.now() > deadline) return lines;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The client's source address (any 127.x.y.z on Linux), so nginx sees different clients. */
  localAddress?: string;
}

/** One request on its own connection; no redirects followed, no body decoded. */
export function request(port: number, pathname: string, options: RequestOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers = { ...options.headers };
    if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
    const req = http.request(
      { host: '127.0.0.1', port, path: pathname, method: options.method ?? 'GET', headers, localAddress: options.localAddress, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export const text = (r: Reply) => r.body.toString('utf8');
export const json = <T>(r: Reply) => JSON.parse(text(r)) as T;

export interface Frame {
  type: string;
  data?: { symbol?: string };
}

/** Subscribes to BTCUSDT's ticker on /ws/prices and returns the frames up to the first live ticker. */
export function followTicker(port: number, timeoutMs = 20_000): Promise<Frame[]> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws/prices`);
    const frames: Frame[] = [];
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`no ticker within ${timeoutMs} ms; frames: ${JSON.stringify(frames)}`));
    }, timeoutMs);
    socket.on('open', () => socket.send(JSON.stringify({ op: 'subscribe', symbols: ['BTCUSDT'], channels: ['ticker'] })));
    let done = false;
    socket.on('message', (data: Buffer) => {
      // Frames still in flight after the first ticker (the subscription's ack can trail it) are
      // not part of what the caller asked for: the list ends with that ticker.
      if (done) return;
      const frame = JSON.parse(data.toString('utf8')) as Frame;
      frames.push(frame);
      if (frame.type !== 'ticker') return;
      done = true;
      clearTimeout(timer);
      socket.once('close', () => resolve(frames));
      socket.close();
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
