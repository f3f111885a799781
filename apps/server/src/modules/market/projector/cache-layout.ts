/**
 * The projector's cache layout, shared with its readers (REST, /ws/prices): one hash per
 * symbol for the latest ticker, one for the live 1m candle, one for the feed's status,
 * and the pub/sub channel that carries ready-to-send WS frames.
 */
import type { KlineData, KlineFrame, MarketSource, PriceRow, TickerFrame } from '@cryptosim/contracts';
import type { CachePort } from '../../../ports/cache/cache-port.js';

export const tickerKey = (symbol: string) => `market:ticker:${symbol}`;
export const liveKlineKey = (symbol: string) => `market:kline:${symbol}:1m`;
export const STATUS_KEY = 'market:status';
export const priceChannel = (symbol: string) => `prices.${symbol}`;

/** A price is stale when its last update is older than this (docs/API.md). */
export const STALE_AFTER_MS = 10_000;

/** What the projector last heard from the feed: its source, when (projector clock), and the feed's own time then. */
export async function readFeedStatus(cache: CachePort): Promise<{ source: MarketSource | undefined; lastEventAt: number | null; marketTime: number | null }> {
  const hash = await cache.hgetall(STATUS_KEY);
  return {
    source: hash.source as MarketSource | undefined,
    lastEventAt: hash.lastEventAt ? Number(hash.lastEventAt) : null,
    marketTime: hash.marketTime ? Number(hash.marketTime) : null,
  };
}

export type TickerHash = Omit<PriceRow, 'stale' | 'updatedAt'> & { updatedAt: string; source: MarketSource };

/** The latest ticker of a symbol as the projector cached it, or null before its first tick. */
export async function readTicker(cache: CachePort, symbol: string, now = Date.now()): Promise<PriceRow | null> {
  return tickerFromHash(await cache.hgetall(tickerKey(symbol)), now);
}

export function tickerFromHash(hash: Record<string, string>, now: number): PriceRow | null {
  if (!hash.price || !hash.updatedAt) return null;
  const updatedAt = Number(hash.updatedAt);
  return {
    symbol: hash.symbol!,
    price: hash.price,
    open24h: hash.open24h!,
    high24h: hash.high24h!,
    low24h: hash.low24h!,
    volume24h: hash.volume24h!,
    changePercent24h: hash.changePercent24h!,
    updatedAt,
    stale: now - updatedAt > STALE_AFTER_MS,
  };
}

export function klineToHash(k: KlineData): Record<string, string> {
  return {
    symbol: k.symbol,
    openTime: String(k.openTime),
    open: k.open,
    high: k.high,
    low: k.low,
    close: k.close,
    volume: k.volume,
    closed: k.closed ? '1' : '0',
  };
}

export function klineFromHash(hash: Record<string, string>): KlineData | null {
  if (!hash.openTime || !hash.close) return null;
  return {
    symbol: hash.symbol!,
    interval: '1m',
    openTime: Number(hash.openTime),
    open: hash.open!,
    high: hash.high!,
    low: hash.low!,
    close: hash.close,
    volume: hash.volume!,
    closed: hash.closed === '1',
  };
}

/*
 * Pub/sub messages are the exact WS frames, serialised once by the projector, so an API
 * process forwards the same string to every socket. `type` is the first key, which lets the
 * fan-out tell the channel from the prefix without parsing every message.
 */
const TICKER_PREFIX = '{"type":"ticker"';
const KLINE_PREFIX = '{"type":"kline"';

export const encodeTickerFrame = (row: PriceRow) => JSON.stringify({ type: 'ticker', data: row } satisfies TickerFrame);
export const encodeKlineFrame = (kline: KlineData) => JSON.stringify({ type: 'kline', data: kline } satisfies KlineFrame);

export function frameChannel(frame: string): 'ticker' | 'kline_1m' | undefined {
  if (frame.startsWith(TICKER_PREFIX)) return 'ticker';
  if (frame.startsWith(KLINE_PREFIX)) return 'kline_1m';
  return undefined;
}
