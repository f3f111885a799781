import { useEffect, useState } from 'react';
import type { KlineData } from '@cryptosim/contracts';
import { useLiveSubscription, usePriceStream } from '@/lib/ws';
import { printFromKlines, type TapePrint } from '../rules/simulated-prints';

/**
 * The simulator's or replay's own prints of `symbol`, newest first, derived from the live 1m
 * candle on /ws/prices (printFromKlines) while `enabled`; the list starts empty on mount and
 * on every symbol change. Timed by this browser's clock: when the print reached us.
 */
export function useSimulatedPrints(symbol: string, enabled: boolean, limit: number): TapePrint[] {
  const stream = usePriceStream();
  useLiveSubscription(enabled ? [symbol] : [], { klines: true });
  const [prints, setPrints] = useState<{ symbol: string; list: TapePrint[] }>({ symbol, list: [] });

  useEffect(() => {
    if (!enabled) return;
    let previous: KlineData | undefined;
    let side: 'BUY' | 'SELL' = 'BUY';
    return stream.onFrame((frame) => {
      let next: KlineData | null = null;
      if (frame.type === 'kline' && frame.data.symbol === symbol) next = frame.data;
      // A snapshot is where the candle stands now: the baseline, not a trade.
      if (frame.type === 'snapshot' && frame.data.symbol === symbol && frame.data.kline) {
        previous = frame.data.kline;
        return;
      }
      if (!next) return;
      const print = previous ? printFromKlines(previous, next, side, Date.now()) : null;
      previous = next;
      if (!print) return;
      side = print.side;
      setPrints((current) => ({ symbol, list: [print, ...(current.symbol === symbol ? current.list : [])].slice(0, limit) }));
    });
  }, [stream, symbol, enabled, limit]);

  return prints.symbol === symbol ? prints.list : [];
}
