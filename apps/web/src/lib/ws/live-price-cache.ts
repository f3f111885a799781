import type { QueryClient } from '@tanstack/react-query';
import type { HistoryResponse, Interval, KlineData, PriceRow, PricesResponse, PricesServerFrame } from '@cryptosim/contracts';
import { subtractDecimals } from '@/lib/decimal/add-decimals';
import { marketKeys, mergeKline } from '@/lib/market';

/**
 * Writes /ws/prices frames into TanStack Query's cache, so every component reading
 * ['prices'] or ['history', symbol, …] re-renders with live data and no component talks
 * to the socket directly.
 */
export class LivePriceCache {
  /** Last volume seen per symbol's current minute: a 5m candle grows by the difference. */
  readonly #minutes = new Map<string, { openTime: number; volume: string }>();

  constructor(private readonly queryClient: QueryClient) {}

  readonly apply = (frame: PricesServerFrame): void => {
    switch (frame.type) {
      case 'ticker':
        return this.#ticker(frame.data);
      case 'kline':
        return this.#kline(frame.data, false);
      case 'snapshot':
        if (frame.data.ticker) this.#ticker(frame.data.ticker);
        // The history fetched before this snapshot already counts the minute's volume so far.
        if (frame.data.kline) this.#kline(frame.data.kline, true);
        return;
      default:
        return;
    }
  };

  #ticker(row: PriceRow): void {
    this.queryClient.setQueryData<PricesResponse>(marketKeys.prices, (old) => {
      if (!old) return old;
      const found = old.prices.some((p) => p.symbol === row.symbol);
      const prices = found ? old.prices.map((p) => (p.symbol === row.symbol ? row : p)) : [...old.prices, row];
      return { ...old, prices };
    });
  }

  #kline(kline: KlineData, baseline: boolean): void {
    if (kline.interval !== '1m') return;
    const seen = this.#minutes.get(kline.symbol);
    const sameMinute = seen?.openTime === kline.openTime;
    this.#minutes.set(kline.symbol, { openTime: kline.openTime, volume: kline.volume });
    if (seen && kline.openTime < seen.openTime) return;
    const volumeDelta = baseline ? '0' : sameMinute ? positive(subtractDecimals(kline.volume, seen.volume)) : kline.volume;

    for (const query of this.queryClient.getQueryCache().findAll({ queryKey: marketKeys.historyOf(kline.symbol) })) {
      const [, , interval, limit] = query.queryKey as readonly [string, string, Interval, number];
      this.queryClient.setQueryData<HistoryResponse>(query.queryKey, (old) =>
        old ? { ...old, candles: mergeKline(old.candles, interval, { kline, volumeDelta }, limit) } : old,
      );
    }
  }
}

/** A minute's volume only grows; a smaller figure (a corrected frame) adds nothing. */
const positive = (delta: string) => (delta.startsWith('-') ? '0' : delta);
