import { useEffect } from 'react';

/**
 * The browser tab carries the live price and symbol ("67,012.10 BTCUSDT · cryptosim"), as on
 * the exchanges, so a background tab still shows the market; the old title returns on unmount.
 */
export function usePriceTitle(price: string | undefined, symbol: string | undefined): void {
  useEffect(() => {
    const before = document.title;
    return () => {
      document.title = before;
    };
  }, []);
  useEffect(() => {
    if (price && symbol) document.title = `${price} ${symbol} · cryptosim`;
  }, [price, symbol]);
}
