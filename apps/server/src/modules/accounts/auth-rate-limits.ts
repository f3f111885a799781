/**
 * The credential endpoints' own limits (docs/API.md). The per-IP rules stop one address from
 * spraying many accounts; the per-username rule stops it from hammering one account, and
 * keeps working when many addresses each stay under the per-IP rule.
 */
import type { FastifyRequest } from 'fastify';
import { digestKey, type RateRule } from '../../kernel/rate-limit.js';
import { addressKey } from '../../kernel/address-key.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function loginNameOf(request: FastifyRequest): string {
  const body = request.body as { username?: unknown } | null | undefined;
  const name = typeof body === 'object' && body !== null && typeof body.username === 'string' ? body.username : '';
  return digestKey(name.trim().toLowerCase());
}

export const LOGIN_RULES: RateRule[] = [
  { name: 'login-ip', max: 20, windowMs: MINUTE, key: (r) => addressKey(r.ip), whenCacheFails: 'refuse' },
  { name: 'login-user-ip', max: 5, windowMs: MINUTE, key: (r) => `${addressKey(r.ip)}:${loginNameOf(r)}`, whenCacheFails: 'refuse' },
];

export const REGISTER_RULES: RateRule[] = [
  { name: 'register-ip', max: 10, windowMs: HOUR, key: (r) => addressKey(r.ip), whenCacheFails: 'refuse' },
];

/** Changing the password checks the current one: a stolen access token must not make it a guessing oracle. */
export const PASSWORD_CHANGE_RULES: RateRule[] = [
  { name: 'password-user', max: 5, windowMs: MINUTE, key: (r) => String(r.user.id), whenCacheFails: 'refuse' },
];

/** Creating keys: 10 a minute per user is plenty for a person and stops a script filling the table. */
export const API_KEY_CREATE_RULES: RateRule[] = [
  { name: 'api-key-create-user', max: 10, windowMs: MINUTE, key: (r) => String(r.user.id), whenCacheFails: 'refuse' },
];
