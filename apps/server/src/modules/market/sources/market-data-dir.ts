/**
 * Test support: where the real Binance candles of ../shared/data/market are. Locally a missing
 * folder skips the suites that need it (with the reason); under CI=true it is a failure.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../..');

export const MARKET_DATA_DIR = path.resolve(repoRoot, '../shared/data/market');

export function marketDataFile(relative: string): { file: string; skipReason: string | undefined } {
  const file = path.join(MARKET_DATA_DIR, relative);
  if (existsSync(file)) return { file, skipReason: undefined };
  const reason = `market data ${file} not found (it comes from <repo>/../shared/data/market)`;
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(reason);
  console.warn(`skipping: ${reason}`);
  return { file, skipReason: reason };
}
