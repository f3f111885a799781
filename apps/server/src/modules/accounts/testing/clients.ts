/** Request helpers for the accounts suites: unique client addresses and ready-made users. */
import type { AuthResponse } from '@cryptosim/contracts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

let counter = 0;

/**
 * A fresh client address per call (trustProxy honours X-Forwarded-For), so per-IP limits
 * never couple two tests; the rate-limit tests reuse one address on purpose.
 */
export function newIp(): string {
  counter += 1;
  return `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`;
}

export const fromIp = (ip: string) => ({ 'x-forwarded-for': ip });
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let users = 0;

export function uniqueName(base = 'user'): string {
  users += 1;
  return `${base}_${process.pid}_${users}`;
}

export interface TestUser extends AuthResponse {
  password: string;
}

export async function registerUser(
  app: FastifyInstance,
  fields: Partial<{ username: string; email: string; password: string }> = {},
): Promise<TestUser> {
  const username = fields.username ?? uniqueName();
  const password = fields.password ?? 'correct horse battery';
  const email = fields.email ?? `${username}@example.com`;
  const res = await app.inject({ method: 'POST', url: '/api/auth/register', headers: fromIp(newIp()), payload: { username, email, password } });
  expect(res.statusCode, `registering ${username}: ${res.body}`).toBe(201);
  return { ...(res.json() as AuthResponse), password };
}

export function login(app: FastifyInstance, username: string, password: string, ip = newIp()): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/auth/login', headers: fromIp(ip), payload: { username, password } });
}

/** Every error reply: problem+json with a code, and never a stack, SQL or file path. */
export function expectProblem(res: LightMyRequestResponse, status: number, code?: string): Record<string, unknown> {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json() as Record<string, unknown>;
  if (code) expect(body.code).toBe(code);
  expect(res.body).not.toMatch(/\bat \S+:\d+:\d+|select |insert into|node_modules|\.ts:\d+/i);
  return body;
}
