/**
 * What the chart draws for the signed-in user's trading on its symbol: one line per open order
 * (limit price, or trigger price for a stop), a marker per fill on the candle it happened in,
 * and the position's average entry price. Pure, so the figures are tested without a chart.
 */
import { bucketStart, type Interval, type Order, type OrderSide, type Transaction } from '@cryptosim/contracts';
import { Dec } from '@cryptosim/trading-rules';

export interface OrderLine {
  id: number;
  side: OrderSide;
  /** The price the line sits at, as the order states it. */
  price: string;
  /** Quantity still open. */
  remaining: string;
  /** A resting limit (LIMIT, LIMIT_MAKER): its price can be moved by dragging the line. */
  movable: boolean;
}

const MOVABLE = new Set<Order['type']>(['LIMIT', 'LIMIT_MAKER']);

export function orderLines(orders: readonly Order[], symbol: string): OrderLine[] {
  return orders
    .filter((o) => o.symbol === symbol && (o.status === 'NEW' || o.status === 'PARTIALLY_FILLED'))
    .flatMap((o) => {
      // A stop that has not triggered waits at its trigger; a triggered one rests at its limit.
      const price = o.stopPrice && !o.triggeredAt ? o.stopPrice : o.price;
      if (!price) return [];
      const remaining = o.quantity ? new Dec(o.quantity).minus(o.filledQuantity).toFixed() : '0';
      return [{ id: o.id, side: o.side, price, remaining, movable: MOVABLE.has(o.type) || (o.triggeredAt !== null && o.price !== null) }];
    });
}

export interface FillMarker {
  /** Open time of the candle holding the fill, epoch ms. */
  time: number;
  side: OrderSide;
  quantity: string;
  price: string;
}

/** One marker per candle and side (several fills in one candle add up), oldest first. */
export function fillMarkers(fills: readonly Transaction[], interval: Interval): FillMarker[] {
  const byKey = new Map<string, FillMarker>();
  for (const f of fills) {
    const time = bucketStart(Date.parse(f.createdAt), interval);
    const key = `${time}/${f.type}`;
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, quantity: new Dec(seen.quantity).plus(f.quantity).toFixed() } : { time, side: f.type, quantity: new Dec(f.quantity).toFixed(), price: f.price });
  }
  return [...byKey.values()].sort((a, b) => a.time - b.time || a.side.localeCompare(b.side));
}

/** A dragged-to price on the symbol's tick grid (nearest tick), as a plain decimal string; null if not positive. */
export function snapToTick(price: number, tickSize: string | undefined): string | null {
  if (!Number.isFinite(price) || price <= 0) return null;
  const tick = new Dec(tickSize && Number(tickSize) > 0 ? tickSize : '0.01');
  const snapped = new Dec(price).div(tick).toDecimalPlaces(0, Dec.ROUND_HALF_UP).mul(tick);
  return snapped.gt(0) ? snapped.toFixed() : null;
}
