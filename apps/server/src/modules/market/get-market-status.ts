import type { MarketStatus } from '@cryptosim/contracts';
import type { CachePort } from '../../ports/cache/cache-port.js';
import { readFeedStatus, STALE_AFTER_MS } from './projector/cache-layout.js';

/**
 * Which feed the projector last heard from and when, as every API replica can see it;
 * `connected` means an event arrived within the staleness window.
 */
export async function getMarketStatus(cache: CachePort, symbols: string[], fallbackSource: MarketStatus['source'], now = Date.now()): Promise<MarketStatus> {
  const { source, lastEventAt } = await readFeedStatus(cache);
  return {
    source: source ?? fallbackSource,
    connected: lastEventAt !== null && now - lastEventAt <= STALE_AFTER_MS,
    lastEventAt,
    symbols,
  };
}
