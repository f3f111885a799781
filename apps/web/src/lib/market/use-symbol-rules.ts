import { useCallback } from 'react';
import type { SymbolInfo } from '@cryptosim/contracts';
import { useSymbols } from './get-symbols';

/**
 * Looks up a symbol's exchange rules (tick and step sizes) from the cached symbol list, so
 * any table can show a price at its tick size; undefined until the list has loaded.
 */
export function useSymbolRules(): (symbol: string) => SymbolInfo | undefined {
  const { data } = useSymbols();
  return useCallback((symbol: string) => data?.symbols.find((s) => s.symbol === symbol), [data]);
}
