import { useEffect, useRef } from 'react';
import { LineStyle, createSeriesMarkers, type IPriceLine, type SeriesMarker, type UTCTimestamp } from 'lightweight-charts';
import type { ChartColours } from '../chart-colours';
import type { FillMarker, OrderLine } from '../chart-orders';
import type { ChartHandle } from './use-candle-chart';

/** How close (px) to a movable order's line a press must be to grab it. */
const GRAB_PX = 6;

interface Overlays {
  lines: readonly OrderLine[];
  fills: readonly FillMarker[];
  averageEntry: string | null;
  colours: ChartColours;
  /** Memoised by the caller: a change redraws the overlays. */
  labels: { line: (line: OrderLine) => string; average: (price: string) => string; fill: (fill: FillMarker) => string };
  /** A movable line was dropped at `price` (a chart price, not yet on the tick grid). Reject to snap it back. */
  onMove: (line: OrderLine, price: number) => Promise<void>;
}

/**
 * Draws the user's orders, fills and average entry over the candles, and lets a limit order's
 * line be dragged to a new price. Every overlay is removed before the chart is (see
 * ChartHandle.alive): removing one from a disposed chart throws.
 */
export function useOrderOverlays(handle: ChartHandle, { lines, fills, averageEntry, colours, labels, onMove }: Overlays) {
  const priceLines = useRef(new Map<number, { line: OrderLine; api: IPriceLine }>());
  const latest = useRef(onMove);
  useEffect(() => {
    latest.current = onMove;
  });

  useEffect(() => {
    const candles = handle.candles.current;
    const alive = handle.alive;
    if (!candles) return;
    const created = new Map<number, { line: OrderLine; api: IPriceLine }>();
    for (const line of lines) {
      const colour = line.side === 'BUY' ? colours.up : colours.down;
      const api = candles.createPriceLine({ price: Number(line.price), color: colour, lineWidth: 2, lineStyle: line.movable ? LineStyle.Solid : LineStyle.Dotted, axisLabelVisible: true, title: labels.line(line) });
      created.set(line.id, { line, api });
    }
    const average = averageEntry
      ? candles.createPriceLine({ price: Number(averageEntry), color: colours.text, lineWidth: 1, lineStyle: LineStyle.Dashed, axisLabelVisible: true, title: labels.average(averageEntry) })
      : null;
    priceLines.current = created;
    return () => {
      if (!alive.current) return;
      for (const { api } of created.values()) candles.removePriceLine(api);
      if (average) candles.removePriceLine(average);
    };
  }, [handle, lines, averageEntry, colours, labels]);

  useEffect(() => {
    const candles = handle.candles.current;
    const alive = handle.alive;
    if (!candles) return;
    const markers: SeriesMarker<UTCTimestamp>[] = fills.map((f) => ({
      time: (f.time / 1000) as UTCTimestamp,
      position: f.side === 'BUY' ? 'belowBar' : 'aboveBar',
      shape: f.side === 'BUY' ? 'arrowUp' : 'arrowDown',
      color: f.side === 'BUY' ? colours.up : colours.down,
      text: labels.fill(f),
    }));
    const plugin = createSeriesMarkers(candles, markers);
    return () => {
      if (alive.current) plugin.detach();
    };
  }, [handle, fills, colours, labels]);

  useEffect(() => {
    const chart = handle.chart.current;
    const candles = handle.candles.current;
    const element = handle.element.current;
    const alive = handle.alive;
    if (!chart || !candles || !element) return;
    let drag: { line: OrderLine; api: IPriceLine; pointerId: number } | null = null;
    const yOf = (event: PointerEvent) => event.clientY - element.getBoundingClientRect().top;
    const grab = (event: PointerEvent) => {
      const y = yOf(event);
      for (const entry of priceLines.current.values()) {
        if (!entry.line.movable) continue;
        const at = candles.priceToCoordinate(Number(entry.line.price));
        if (at !== null && Math.abs(at - y) <= GRAB_PX) return entry;
      }
      return null;
    };
    const down = (event: PointerEvent) => {
      const entry = grab(event);
      if (!entry) return;
      drag = { ...entry, pointerId: event.pointerId };
      element.setPointerCapture?.(event.pointerId);
      // The chart must not pan while a line is carried.
      chart.applyOptions({ handleScroll: false, handleScale: false });
      event.preventDefault();
      event.stopPropagation();
    };
    const move = (event: PointerEvent) => {
      if (!drag) {
        element.style.cursor = grab(event) ? 'ns-resize' : '';
        return;
      }
      const price = candles.coordinateToPrice(yOf(event));
      if (price !== null) drag.api.applyOptions({ price });
      event.preventDefault();
    };
    const up = (event: PointerEvent) => {
      if (!drag || event.pointerId !== drag.pointerId) return;
      const { line, api } = drag;
      drag = null;
      chart.applyOptions({ handleScroll: true, handleScale: true });
      const price = candles.coordinateToPrice(yOf(event));
      const snapBack = () => {
        if (alive.current) api.applyOptions({ price: Number(line.price) });
      };
      if (price === null || Math.abs((candles.priceToCoordinate(Number(line.price)) ?? 0) - yOf(event)) < 2) return snapBack();
      latest.current(line, price).catch(snapBack);
    };
    // Capture phase: the chart's own handlers would start a pan first.
    element.addEventListener('pointerdown', down, true);
    element.addEventListener('pointermove', move, true);
    element.addEventListener('pointerup', up, true);
    element.addEventListener('pointercancel', up, true);
    return () => {
      element.removeEventListener('pointerdown', down, true);
      element.removeEventListener('pointermove', move, true);
      element.removeEventListener('pointerup', up, true);
      element.removeEventListener('pointercancel', up, true);
      if (alive.current && drag) chart.applyOptions({ handleScroll: true, handleScale: true });
    };
  }, [handle]);
}
