/**
 * Binance request parameters: from the query string and an `application/x-www-form-urlencoded`
 * body alike (a name in both is read from the query string, as on Binance), each parsed with
 * Binance's own legal ranges and error codes. A repeated name is -1101, as Binance answers.
 */
import { BinanceError, illegalChars, invalidParameter, invalidSymbol, mandatoryParam } from './binance-error.js';

export const SYMBOL_PATTERN = /^[A-Z0-9\-_.]{1,20}$/;
const SYMBOL_RANGE = '^[A-Z0-9-_.]{1,20}$';
const INTEGER = /^-?[0-9]{1,20}$/;
const INTEGER_RANGE = '^[0-9]{1,20}$';
const DECIMAL = /^[0-9]{1,20}(\.[0-9]{1,20})?$/;
const DECIMAL_RANGE = '^([0-9]{1,20})(\\.[0-9]{1,20})?$';

/** The raw `a=1&b=2` text a request carries in one place; `undefined` when there is none. */
export function splitPairs(raw: string | undefined): Array<[string, string]> {
  if (!raw) return [];
  return [...new URLSearchParams(raw)];
}

export class BinanceParams {
  readonly #values = new Map<string, string>();

  constructor(query: string | undefined, body: string | undefined) {
    const fromQuery = splitPairs(query);
    const fromBody = splitPairs(body);
    for (const pairs of [fromQuery, fromBody]) {
      const seen = new Set<string>();
      for (const [name] of pairs) {
        if (seen.has(name)) throw new BinanceError(-1101, 'Duplicate values for a parameter detected.');
        seen.add(name);
      }
    }
    for (const [name, value] of fromBody) this.#values.set(name, value);
    for (const [name, value] of fromQuery) this.#values.set(name, value);
  }

  static of(values: Record<string, string>): BinanceParams {
    return new BinanceParams(new URLSearchParams(values).toString(), undefined);
  }

  /** The raw text; an empty value counts as not sent. */
  optional(name: string): string | undefined {
    const value = this.#values.get(name);
    return value === undefined || value === '' ? undefined : value;
  }

  has(name: string): boolean {
    return this.optional(name) !== undefined;
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined) throw mandatoryParam(name);
    return value;
  }

  /** A symbol's name as written (format checked, not whether we list it). */
  symbolName(name = 'symbol'): string | undefined {
    const value = this.optional(name);
    if (value === undefined) return undefined;
    if (!SYMBOL_PATTERN.test(value)) throw illegalChars(name, SYMBOL_RANGE);
    return value;
  }

  /** `symbols=["BTCUSDT","ETHUSDT"]`, Binance's JSON-array form; duplicates are -1151. */
  symbolList(name = 'symbols'): string[] | undefined {
    const raw = this.optional(name);
    if (raw === undefined) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new BinanceError(-1100, `Illegal characters found in parameter '${name}'; legal range is '${SYMBOL_RANGE}'.`);
    }
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((s) => typeof s === 'string')) throw mandatoryParam(name);
    for (const s of parsed as string[]) if (!SYMBOL_PATTERN.test(s)) throw illegalChars(name, SYMBOL_RANGE);
    if (new Set(parsed).size !== parsed.length) throw new BinanceError(-1151, 'Symbol is present multiple times in the list.');
    return parsed as string[];
  }

  integer(name: string, range?: { min?: number; max?: number }): number | undefined {
    const raw = this.optional(name);
    if (raw === undefined) return undefined;
    if (!INTEGER.test(raw)) throw illegalChars(name, INTEGER_RANGE);
    const value = Number(raw);
    if (!Number.isSafeInteger(value)) throw new BinanceError(-1108, `Parameter '${name}' overflowed.`);
    if ((range?.min !== undefined && value < range.min) || (range?.max !== undefined && value > range.max)) throw invalidParameter(name);
    return value;
  }

  decimal(name: string): string | undefined {
    const raw = this.optional(name);
    if (raw === undefined) return undefined;
    if (!DECIMAL.test(raw)) throw illegalChars(name, DECIMAL_RANGE);
    return raw;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], error: () => BinanceError = () => invalidParameter(name)): T | undefined {
    const raw = this.optional(name);
    if (raw === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(raw)) throw error();
    return raw as T;
  }
}

/** A symbol we list, or -1121. */
export function knownSymbol<T>(name: string, lookup: (symbol: string) => T | undefined): T {
  const found = lookup(name);
  if (found === undefined) throw invalidSymbol();
  return found;
}
