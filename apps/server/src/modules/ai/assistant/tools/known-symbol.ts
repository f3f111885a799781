import type { SymbolInfo } from '@cryptosim/contracts';
import { ToolError, type ToolContext } from './tool.js';

export const SYMBOL_PATTERN = '^[A-Z0-9]{2,20}$';

/** The symbol's exchange rules, or a refusal naming the symbols that exist. */
export function knownSymbol(ctx: ToolContext, symbol: string): SymbolInfo {
  const info = ctx.services.symbols().get(symbol);
  if (!info) {
    const list = ctx.services.symbols().list().map((s) => s.symbol).join(', ');
    throw new ToolError('UNKNOWN_SYMBOL', `Unknown symbol ${symbol}; the market lists ${list}`);
  }
  return info;
}
