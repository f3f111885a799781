import type { MarketTrade, SymbolInfo } from '@cryptosim/contracts';
import type { SourceKline } from '../../../../ports/market/market-source.js';
import { type BinanceDepth, parseDepth } from './parse-depth.js';
import { parseExchangeInfo } from './parse-exchange-info.js';
import { parseTrades } from './parse-trades.js';
import { parseRestKline } from './parse-stream-message.js';

const MINUTE = 60_000;
/** Binance's per-call maximum for /api/v3/klines. */
export const KLINES_PAGE = 1000;

/** Binance's public REST endpoints we use: exchange rules, candle history, the order book and recent trades. */
export class BinanceRest {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async #get(path: string, params: Record<string, string>, timeoutMs = this.timeoutMs): Promise<unknown> {
    const url = new URL(path, this.baseUrl);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) throw new Error(`Binance ${path} answered ${res.status}`);
    return res.json();
  }

  /** GET /api/v3/exchangeInfo?symbols=["BTCUSDT",…]: the filters of exactly these symbols. */
  async exchangeInfo(symbols: readonly string[], timeoutMs?: number): Promise<SymbolInfo[]> {
    return parseExchangeInfo(await this.#get('/api/v3/exchangeInfo', { symbols: JSON.stringify(symbols) }, timeoutMs));
  }

  /** GET /api/v3/depth: the top `limit` levels of each side, best price first. */
  async depth(symbol: string, limit: number, timeoutMs?: number): Promise<BinanceDepth> {
    return parseDepth(await this.#get('/api/v3/depth', { symbol, limit: String(limit) }, timeoutMs));
  }

  /** GET /api/v3/trades: the `limit` most recent trades, newest first. */
  async trades(symbol: string, limit: number, timeoutMs?: number): Promise<MarketTrade[]> {
    return parseTrades(await this.#get('/api/v3/trades', { symbol, limit: String(limit) }, timeoutMs));
  }

  /**
   * Every 1m candle with openTime in [startMs, endMs), paging 1000 at a time. Callers decide
   * which are closed: Binance includes the minute in progress when the range reaches now.
   */
  async klines(symbol: string, startMs: number, endMs: number): Promise<SourceKline[]> {
    const out: SourceKline[] = [];
    let from = startMs;
    while (from < endMs) {
      const rows = await this.#get('/api/v3/klines', {
        symbol,
        interval: '1m',
        startTime: String(from),
        endTime: String(endMs - 1),
        limit: String(KLINES_PAGE),
      });
      if (!Array.isArray(rows)) throw new Error('Binance /api/v3/klines did not answer an array');
      const page = rows.map((r) => parseRestKline(symbol, r)).filter((k) => k.openTime >= from && k.openTime < endMs);
      out.push(...page);
      if (rows.length < KLINES_PAGE || page.length === 0) break;
      from = page[page.length - 1]!.openTime + MINUTE;
    }
    return out;
  }
}
