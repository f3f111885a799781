/**
 * Start-up, once the database is migrated: find the database's market world, or (in a
 * process that runs the feed) decide and record it on a first start; refuse a configured
 * source of another world; point MARKET_SOURCE=auto at the recorded world's source; and
 * drop cached prices of another world so nothing reads them as this one's.
 */
import type { Logger } from 'pino';
import type { MarketSourceConfig } from '../../../config.js';
import type { CachePort } from '../../../ports/cache/cache-port.js';
import type { DbPort } from '../../../ports/db/db-port.js';
import type { MarketSource, SettledWorld } from '../../../ports/market/market-source.js';
import { liveKlineKey, STATUS_KEY, tickerKey } from '../projector/cache-layout.js';
import { AutoSource } from '../sources/auto-source.js';
import { configuredWorld, describeWorld, MarketWorldError, mismatchMessage, WORLD_SOURCE, worldMatches, type ConfiguredWorld } from './market-world.js';
import { replayChecksum } from './replay-checksum.js';
import { readWorld, recordWorld, saveCheckpoint } from './world-store.js';

export interface SettleWorldOptions {
  db: DbPort;
  cache: CachePort;
  source: MarketSource;
  market: MarketSourceConfig;
  /** Only a process that runs the feed decides a first start's world; others wait for it. */
  mayDecide: boolean;
  logger: Logger;
}

async function configured(market: MarketSourceConfig): Promise<ConfiguredWorld> {
  if (market.source.kind !== 'replay') return configuredWorld(market);
  try {
    return configuredWorld(market, await replayChecksum(market.source.files));
  } catch (error) {
    throw new MarketWorldError(`cannot read the replay files ${market.source.files.join(',')}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function decide(wanted: ConfiguredWorld, source: MarketSource) {
  switch (wanted.kind) {
    case 'auto': {
      const kind = source instanceof AutoSource ? await source.probe() : 'simulated';
      return kind === 'live' ? { kind } : { kind, seed: wanted.seed };
    }
    case 'live':
      return { kind: wanted.kind };
    case 'simulated':
      return { kind: wanted.kind, seed: wanted.seed };
    case 'replay':
      return { kind: wanted.kind, checksum: wanted.checksum };
  }
}

/** Resolves to the settled world, or undefined when it is not decided yet and this process may not decide. */
export async function settleMarketWorld(options: SettleWorldOptions): Promise<SettledWorld | undefined> {
  const { db, source, market, logger } = options;
  const wanted = await configured(market);
  let stored = await readWorld(db);
  if (!stored) {
    if (!options.mayDecide) return undefined;
    stored = await recordWorld(db, await decide(wanted, source));
    logger.info({ world: stored.world }, `first start: this database belongs to ${describeWorld(stored.world)}`);
  }
  if (!worldMatches(stored.world, wanted)) throw new MarketWorldError(mismatchMessage(stored.world, wanted, market));
  if (source instanceof AutoSource && stored.world.kind !== 'replay') source.adopt(stored.world.kind);
  if (stored.world.kind === 'replay' && market.replayRestart && stored.checkpoint) {
    logger.info('REPLAY_RESTART: the replay starts over from the beginning of its files');
    await saveCheckpoint(db, null);
    stored = { ...stored, checkpoint: null };
  }
  await dropOtherWorldsPrices(options.cache, source.symbols.list().map((s) => s.symbol), WORLD_SOURCE[stored.world.kind]);
  options.source.world = stored;
  return stored;
}

/** A cache (Redis) outlives a database: a ticker left by another world is not this world's price. */
async function dropOtherWorldsPrices(cache: CachePort, symbols: string[], expected: string): Promise<void> {
  const foreign: string[] = [];
  for (const symbol of symbols) {
    const cached = (await cache.hgetall(tickerKey(symbol))).source;
    if (cached !== undefined && cached !== expected) foreign.push(tickerKey(symbol), liveKlineKey(symbol));
  }
  const status = (await cache.hgetall(STATUS_KEY)).source;
  if (status !== undefined && status !== expected) foreign.push(STATUS_KEY);
  if (foreign.length > 0) await cache.del(...foreign);
}
