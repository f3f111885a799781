import type { MarketStatus, MarketWorld } from '@cryptosim/contracts';
import type { CachePort } from '../../ports/cache/cache-port.js';
import { readFeedStatus, STALE_AFTER_MS } from './projector/cache-layout.js';

/**
 * Which feed the projector last heard from and when, as every API replica can see it;
 * `connected` means an event arrived within the staleness window. `world` is the market the
 * database belongs to; `marketTime` the feed's own clock (a replay's date).
 */
export async function getMarketStatus(
  cache: CachePort,
  symbols: string[],
  fallbackSource: MarketStatus['source'],
  world: MarketWorld | null,
  now = Date.now(),
): Promise<MarketStatus> {
  const { source, lastEventAt, marketTime } = await readFeedStatus(cache);
  return {
    source: source ?? fallbackSource,
    connected: lastEventAt !== null && now - lastEventAt <= STALE_AFTER_MS,
    lastEventAt,
    symbols,
    world,
    marketTime,
  };
}
