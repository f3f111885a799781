/**
 * Bots for the signed Binance endpoints in tests: a user's API key made through
 * /api/auth/api-keys (HMAC, or Ed25519 with a key pair generated here), and signed calls the way
 * Binance clients make them: every parameter in the query string, the signature last.
 */
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { bearer, fromIp, newIp } from '../../accounts/testing/clients.js';
import { newTrader, type Trader } from '../../trading/testing/trading-clients.js';

export type BotKeyType = 'HMAC_SHA256' | 'ED25519';

export interface Bot {
  trader: Trader;
  keyId: string;
  key: string;
  ip: string;
  /** The signature of a payload as the bot's client computes it: hex HMAC or base64 Ed25519. */
  sign(payload: string): string;
}

export interface NewBotOptions {
  permissions?: Array<'read' | 'trade'>;
  type?: BotKeyType;
  trader?: Trader;
}

export async function newBot(app: FastifyInstance, options: NewBotOptions = {}): Promise<Bot> {
  const owner = options.trader ?? (await newTrader(app));
  const permissions = options.permissions ?? ['read', 'trade'];
  const ed25519 = options.type === 'ED25519' ? generateKeyPairSync('ed25519') : undefined;
  const payload = ed25519
    ? { label: 'ed25519 bot', type: 'ED25519', permissions, publicKey: ed25519.publicKey.export({ type: 'spki', format: 'pem' }).toString() }
    : { label: 'hmac bot', permissions };
  const res = await app.inject({ method: 'POST', url: '/api/auth/api-keys', headers: bearer(owner.token), payload });
  expect(res.statusCode, res.body).toBe(201);
  const created = res.json() as { apiKey: { id: string; key: string }; secret: string | null };
  const signer = ed25519
    ? (text: string) => sign(null, Buffer.from(text), ed25519.privateKey).toString('base64')
    : (text: string) => createHmac('sha256', created.secret!).update(text).digest('hex');
  return { trader: owner, keyId: created.apiKey.id, key: created.apiKey.key, ip: newIp(), sign: signer };
}

/** The path and signed query of a call; the same URL sent twice is a replay. */
export function signedUrl(bot: Bot, path: string, params: Record<string, string> = {}, timestamp = Date.now()): string {
  const query = new URLSearchParams({ ...params, timestamp: String(timestamp) }).toString();
  return `/binance/api/v3/${path}?${query}&signature=${encodeURIComponent(bot.sign(query))}`;
}

export function send(app: FastifyInstance, bot: Bot, method: 'GET' | 'POST' | 'DELETE', url: string): Promise<LightMyRequestResponse> {
  return app.inject({ method, url, headers: { 'x-mbx-apikey': bot.key, ...fromIp(bot.ip) } });
}

export function signedCall(app: FastifyInstance, bot: Bot, method: 'GET' | 'POST' | 'DELETE', path: string, params: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return send(app, bot, method, signedUrl(bot, path, params));
}

export function ok<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}
