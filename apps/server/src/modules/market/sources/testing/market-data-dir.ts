/**
 * Where the real Binance candles of ../shared/data/market are. Locally a missing folder skips
 * the suites that need it (with the reason); under CI it is a failure (the services' guard).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unavailable } from '../../../../testing/services.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../../..');

export const MARKET_DATA_DIR = path.resolve(repoRoot, '../shared/data/market');

export function marketDataFile(relative: string): { file: string; skipReason: string | undefined } {
  const file = path.join(MARKET_DATA_DIR, relative);
  if (existsSync(file)) return { file, skipReason: undefined };
  return { file, skipReason: unavailable('market-data', `market data ${file} not found (it comes from <repo>/../shared/data/market)`) };
}
