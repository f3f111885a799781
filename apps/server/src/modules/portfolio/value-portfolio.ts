/**
 * An account at live prices (docs/API.md's portfolio): each held symbol's latest ticker from the
 * cache; a symbol the feed has not priced yet is valued at its average price.
 */
import type { Portfolio } from '@cryptosim/contracts';
import { dec } from '@cryptosim/trading-rules';
import type { CachePort } from '../../ports/cache/cache-port.js';
import { readTicker } from '../market/index.js';
import type { AccountSnapshot } from './account-snapshot.js';
import { summarizePortfolio, toPortfolioResponse, type HeldPosition } from './domain/summarize-portfolio.js';

export async function valuePortfolio(cache: CachePort, account: AccountSnapshot, now = Date.now()): Promise<Portfolio> {
  const held = [...account.positions].filter(([, p]) => p.quantity.gt(0));
  const priced: HeldPosition[] = await Promise.all(
    held.map(async ([symbol, position]) => {
      const row = await readTicker(cache, symbol, now);
      return { symbol, position, marketPrice: row ? dec(row.price) : position.avgPrice };
    }),
  );
  return toPortfolioResponse(summarizePortfolio(account.cash, account.initialBalance, priced));
}
