/**
 * Which market a database belongs to, and whether the configured source may use it. A
 * database holds one consistent market: live Binance prices, one simulated market (its
 * seed), or one replayed recording (its files' checksum), never a mix.
 */
import type { MarketSource, MarketWorld } from '@cryptosim/contracts';
import type { MarketSourceConfig } from '../../../config.js';

/** What MARKET_SOURCE (with SEED, or the replayed files' checksum) asks for; `auto` lets the first start decide. */
export type ConfiguredWorld = { kind: 'auto'; seed: string } | { kind: 'live' } | { kind: 'simulated'; seed: string } | { kind: 'replay'; checksum: string };

/** Start-up stops on this instead of retrying: waiting will not make the worlds match. */
export class MarketWorldError extends Error {
  override readonly name = 'MarketWorldError';
}

/** The feed name (`source` on events and in the cache) each world's prices carry. */
export const WORLD_SOURCE: Record<MarketWorld['kind'], MarketSource> = { live: 'binance', simulated: 'simulator', replay: 'replay' };

export function configuredWorld(market: MarketSourceConfig, replayChecksum?: string): ConfiguredWorld {
  switch (market.source.kind) {
    case 'auto':
      return { kind: 'auto', seed: market.seed };
    case 'binance':
      return { kind: 'live' };
    case 'simulator':
      return { kind: 'simulated', seed: market.seed };
    case 'replay':
      if (replayChecksum === undefined) throw new Error('a replay world needs its files’ checksum');
      return { kind: 'replay', checksum: replayChecksum };
  }
}

/** True when `configured` may run on a database of `world`. */
export function worldMatches(world: MarketWorld, configured: ConfiguredWorld): boolean {
  switch (configured.kind) {
    case 'auto':
      return world.kind === 'live' || (world.kind === 'simulated' && world.seed === configured.seed);
    case 'live':
      return world.kind === 'live';
    case 'simulated':
      return world.kind === 'simulated' && world.seed === configured.seed;
    case 'replay':
      return world.kind === 'replay' && world.checksum === configured.checksum;
  }
}

export function describeWorld(world: MarketWorld): string {
  const since = new Date(world.since).toISOString().slice(0, 10);
  switch (world.kind) {
    case 'live':
      return `the live Binance market (since ${since})`;
    case 'simulated':
      return `the simulated market with SEED=${world.seed ?? ''} (since ${since})`;
    case 'replay':
      return `a replay of files with checksum ${(world.checksum ?? '').slice(0, 12)}… (since ${since})`;
  }
}

function describeConfigured(configured: ConfiguredWorld, market: MarketSourceConfig): string {
  switch (configured.kind) {
    case 'auto':
      return `MARKET_SOURCE=auto (SEED=${configured.seed})`;
    case 'live':
      return 'MARKET_SOURCE=binance';
    case 'simulated':
      return `MARKET_SOURCE=simulator SEED=${configured.seed}`;
    case 'replay':
      return `MARKET_SOURCE=replay:${market.source.kind === 'replay' ? market.source.files.join(',') : ''} (checksum ${configured.checksum.slice(0, 12)}…)`;
  }
}

function howToKeep(world: MarketWorld): string {
  switch (world.kind) {
    case 'live':
      return 'MARKET_SOURCE=binance';
    case 'simulated':
      return `MARKET_SOURCE=simulator SEED=${world.seed ?? ''}`;
    case 'replay':
      return 'MARKET_SOURCE=replay: with the same files';
  }
}

/** The one line start-up stops with; nothing in the database has been touched. */
export function mismatchMessage(world: MarketWorld, configured: ConfiguredWorld, market: MarketSourceConfig): string {
  return (
    `This database belongs to ${describeWorld(world)}, but ${describeConfigured(configured, market)} is configured; ` +
    `prices of two markets must not mix. Keep it with ${howToKeep(world)}, or start fresh with a new DATA_DIR (embedded) ` +
    'or a new database in DATABASE_URL (PostgreSQL). Nothing was changed.'
  );
}
