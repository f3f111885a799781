import { useEffect, useSyncExternalStore } from 'react';
import type { PriceChannel } from '@cryptosim/contracts';
import { usePrices } from '@/lib/market';
import { usePriceStream } from './price-stream-context';
import type { SocketStatus } from './reconnecting-socket';

const TICKER: readonly PriceChannel[] = ['ticker'];
const TICKER_AND_KLINES: readonly PriceChannel[] = ['ticker', 'kline_1m'];

/** Keeps `symbols` subscribed on /ws/prices while the component is mounted. */
export function useLiveSubscription(symbols: readonly string[], { klines = false } = {}): void {
  const stream = usePriceStream();
  // A string key, so a new array with the same symbols does not resubscribe.
  const key = [...symbols].sort().join(',');
  useEffect(() => {
    if (key === '') return;
    return stream.subscribe(key.split(','), klines ? TICKER_AND_KLINES : TICKER);
  }, [stream, key, klines]);
}

/** The ['prices'] query, kept live for `symbols` (all rows stay readable; only these update). */
export function useLivePrices(symbols: readonly string[], options: { klines?: boolean } = {}) {
  useLiveSubscription(symbols, options);
  return usePrices();
}

export function useStreamStatus(): SocketStatus {
  const stream = usePriceStream();
  return useSyncExternalStore(
    (listener) => stream.onStatus(listener),
    () => stream.status,
  );
}
