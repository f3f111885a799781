import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENV_VARIABLES, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('when nothing is set, then it gives the embedded defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8000);
    expect(c.host).toBe('localhost');
    expect(c.dataDir).toMatch(/[/\\]data$/);
    expect([...c.roles]).toEqual(['api', 'ingest', 'projector', 'worker']);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.redisUrl).toBeUndefined();
    expect(c.kafkaBrokers).toBeUndefined();
    expect(c.shutdownTimeoutMs).toBe(10_000);
    expect(c.trustProxy, 'X-Forwarded-For is not trusted unless configured').toBe(false);
  });

  it('when TRUST_PROXY is a hop count or addresses, then it is parsed for Fastify', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
  });

  it('when services are configured, then their values are parsed', () => {
    const c = loadConfig({
      PORT: '9001',
      ROLES: 'api, worker',
      DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
      REDIS_URL: 'redis://127.0.0.1:6379',
      KAFKA_BROKERS: '127.0.0.1:9092,kafka:9092',
    });
    expect(c.port).toBe(9001);
    expect([...c.roles]).toEqual(['api', 'worker']);
    expect(c.kafkaBrokers).toEqual(['127.0.0.1:9092', 'kafka:9092']);
  });

  it.each([
    ['PORT', 'eighty', /^Invalid PORT="eighty": /],
    ['PORT', '70000', /^Invalid PORT="70000": /],
    ['ROLES', 'api,cook', /^Invalid ROLES="api,cook": each role must be one of/],
    ['DATABASE_URL', 'mysql://x', /^Invalid DATABASE_URL="mysql:\/\/x": must be a URL starting with postgres:/],
    ['REDIS_URL', 'not a url', /^Invalid REDIS_URL=/],
    ['KAFKA_BROKERS', 'localhost', /^Invalid KAFKA_BROKERS="localhost": must be a comma-separated list of host:port/],
    ['JWT_SECRET', 'short', /^Invalid JWT_SECRET="short": must be at least 32 characters/],
    ['LOG_LEVEL', 'loud', /^Invalid LOG_LEVEL="loud"/],
    ['TRUST_PROXY', 'nginx please', /^Invalid TRUST_PROXY="nginx please": must be false, true, a hop count/],
  ])('when %s=%s, then it stops with one line naming the variable', (name, value, message) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('.env.example', () => {
  it('when config.ts reads a variable, then .env.example lists it with a comment, and nothing else', () => {
    const text = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    const listed = [...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    expect([...listed].sort()).toEqual([...ENV_VARIABLES].sort());
    const lines = text.split('\n');
    for (const name of ENV_VARIABLES) {
      // A variable is documented by the comment that opens its group (lines up to a blank).
      let i = lines.findIndex((l) => l.startsWith(`${name}=`)) - 1;
      while (i >= 0 && /^[A-Z]/.test(lines[i]!)) i--;
      expect(lines[i] ?? '', `${name} needs a comment above it in .env.example`).toMatch(/^#/);
    }
  });
});
