/**
 * Test support for the Binance surface: the one test app (embedded PGlite and memory cache,
 * prices the test writes as the projector would) with trading, portfolio and the Binance module.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { DEFAULT_SLIPPAGE_K } from '../../../config.js';
import { startTestApp, type TestApp } from '../../../testing/test-app.js';
import { portfolioModule } from '../../portfolio/index.js';
import { tradingModule } from '../../trading/index.js';
import { binanceModule } from '../index.js';

export type BinanceTestApp = TestApp;

/** The engine's default slippage unless `env` says otherwise: the Binance book is drawn from it. */
export function startBinanceApp(prices: Record<string, string>, env: Record<string, string> = {}): Promise<BinanceTestApp> {
  return startTestApp({ modules: [tradingModule, portfolioModule, binanceModule], prices, env: { SLIPPAGE_K: DEFAULT_SLIPPAGE_K, ...env } });
}

/** Asserts Binance's error body and status. */
export function expectBinanceError(res: LightMyRequestResponse, status: number, code: number): { code: number; msg: string } {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type'], 'Binance errors are JSON, not problem+json').toMatch(/^application\/json/);
  const body = res.json() as { code: number; msg: string };
  expect(body, res.body).toEqual({ code, msg: expect.any(String) });
  return body;
}
