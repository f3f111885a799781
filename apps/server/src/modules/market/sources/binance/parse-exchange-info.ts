import { Decimal } from 'decimal.js';
import type { SymbolInfo } from '@cryptosim/contracts';

interface RawFilter {
  filterType?: unknown;
  tickSize?: unknown;
  stepSize?: unknown;
  minQty?: unknown;
  minNotional?: unknown;
}

interface RawSymbol {
  symbol?: unknown;
  status?: unknown;
  baseAsset?: unknown;
  quoteAsset?: unknown;
  filters?: RawFilter[];
}

/** Binance pads to 8 places ("0.01000000"); we keep the plain value ("0.01"). */
function plain(value: unknown, what: string): string {
  if (typeof value !== 'string' || !/^\d+(\.\d+)?$/.test(value)) throw new Error(`exchangeInfo: ${what} is not a decimal string`);
  return new Decimal(value).toFixed();
}

function filter(filters: RawFilter[], ...types: string[]): RawFilter | undefined {
  return types.map((t) => filters.find((f) => f.filterType === t)).find((f) => f !== undefined);
}

/**
 * Reads the filters that trading rules need from GET /api/v3/exchangeInfo: PRICE_FILTER
 * tickSize, LOT_SIZE stepSize/minQty, and NOTIONAL (newer) or MIN_NOTIONAL (older) minNotional.
 */
export function parseExchangeInfo(body: unknown): SymbolInfo[] {
  const symbols = (body as { symbols?: RawSymbol[] } | null)?.symbols;
  if (!Array.isArray(symbols)) throw new Error('exchangeInfo: no symbols array');
  return symbols.map((s) => {
    const name = String(s.symbol);
    const filters = Array.isArray(s.filters) ? s.filters : [];
    const price = filter(filters, 'PRICE_FILTER');
    const lot = filter(filters, 'LOT_SIZE');
    const notional = filter(filters, 'NOTIONAL', 'MIN_NOTIONAL');
    if (!price || !lot || !notional) throw new Error(`exchangeInfo: ${name} lacks PRICE_FILTER, LOT_SIZE or NOTIONAL`);
    return {
      symbol: name,
      baseAsset: String(s.baseAsset),
      quoteAsset: String(s.quoteAsset),
      status: String(s.status),
      tickSize: plain(price.tickSize, `${name} tickSize`),
      stepSize: plain(lot.stepSize, `${name} stepSize`),
      minQty: plain(lot.minQty, `${name} minQty`),
      minNotional: plain(notional.minNotional, `${name} minNotional`),
    };
  });
}
