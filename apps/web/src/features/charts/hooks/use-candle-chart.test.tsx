import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_INDICATOR_PERIODS, type Candle, type IndicatorPeriods } from '@cryptosim/contracts';
import type { ChartColours } from '../chart-colours';
import type { IndicatorId } from '../chart-data';

/** A stand-in for lightweight-charts that keeps each series' points and options, as the real one does. */
class FakeSeries {
  points: Array<{ time: number }> = [];
  options: Record<string, unknown> = {};
  constructor(readonly kind: string) {}
  setData(points: Array<{ time: number }>) {
    this.points = [...points];
  }
  update(point: { time: number }) {
    if (this.points.at(-1)?.time === point.time) this.points[this.points.length - 1] = point;
    else this.points.push(point);
  }
  data() {
    return this.points;
  }
  applyOptions(options: Record<string, unknown>) {
    this.options = { ...this.options, ...options };
  }
}
const created: FakeSeries[] = [];
const fitted = { count: 0 };
vi.mock('lightweight-charts', () => ({
  CandlestickSeries: 'Candlestick',
  HistogramSeries: 'Histogram',
  LineSeries: 'Line',
  ColorType: { Solid: 'solid' },
  createChart: () => ({
    addSeries: (kind: string, options: Record<string, unknown>) => {
      const series = new FakeSeries(kind);
      series.applyOptions(options);
      created.push(series);
      return series;
    },
    removeSeries: () => {},
    timeScale: () => ({ fitContent: () => { fitted.count++; } }),
    priceScale: () => ({ applyOptions: () => {} }),
    panes: () => [{ setStretchFactor: () => {} }, { setStretchFactor: () => {} }],
    subscribeCrosshairMove: () => {},
    applyOptions: () => {},
    remove: () => {},
  }),
}));

const { useCandleChart } = await import('./use-candle-chart');

const colours = { background: '#fff', text: '#000', grid: '#eee', up: 'g', down: 'r', upVolume: 'g', downVolume: 'r', sma: 'b', ema: 'o', bands: 'p', rsi: 'c' } satisfies ChartColours;
const candles: Candle[] = Array.from({ length: 120 }, (_, i) => {
  const close = (0.1 + Math.sin(i / 5) * 0.01).toFixed(5);
  return { openTime: i * 3_600_000, closeTime: (i + 1) * 3_600_000 - 1, open: close, high: close, low: close, close, volume: '10', quoteVolume: '1' } as Candle;
});
const container = { current: document.createElement('div') };

describe('useCandleChart', () => {
  it('when an indicator is switched on after the candles are shown, then its line gets the whole history, not one point', () => {
    created.length = 0;
    const { rerender } = renderHook((indicators: ReadonlySet<IndicatorId>) => useCandleChart(container, { candles, dataKey: 'DOGEUSDT/1h', indicators, periods: DEFAULT_INDICATOR_PERIODS, colours, locale: 'en-US', tickSize: '0.00001' }), {
      initialProps: new Set<IndicatorId>(['sma']),
    });
    rerender(new Set<IndicatorId>(['sma', 'ema', 'bollinger', 'rsi']));
    const lines = created.filter((s) => s.kind === 'Line');
    expect(lines).toHaveLength(6);
    for (const line of lines) {
      const valued = line.points.filter((p) => 'value' in p).length;
      expect(line.points.length, 'a point (or gap) per candle').toBe(candles.length);
      expect(valued, 'more than the last candle has a value').toBeGreaterThan(50);
    }
  });

  it('when an indicator period changes, then its line is redrawn whole with the new length', () => {
    created.length = 0;
    const { rerender } = renderHook(
      (periods: IndicatorPeriods) => useCandleChart(container, { candles, dataKey: 'DOGEUSDT/1h', indicators: new Set<IndicatorId>(['sma']), periods, colours, locale: 'en-US' }),
      { initialProps: DEFAULT_INDICATOR_PERIODS },
    );
    const sma = created.find((s) => s.kind === 'Line')!;
    const valued = () => sma.points.filter((p) => 'value' in p).length;
    expect(valued()).toBe(candles.length - DEFAULT_INDICATOR_PERIODS.sma + 1);
    rerender({ ...DEFAULT_INDICATOR_PERIODS, sma: 50 });
    expect(sma.points.length).toBe(candles.length);
    expect(valued()).toBe(candles.length - 50 + 1);
  });

  it('when a daily chart has only 7 candles, then they are spread over the whole width', () => {
    fitted.count = 0;
    renderHook(() => useCandleChart(container, { candles: candles.slice(0, 7), dataKey: 'BTCUSDT/1d', indicators: new Set(), periods: DEFAULT_INDICATOR_PERIODS, colours, locale: 'en-US' }));
    expect(fitted.count).toBe(1);
  });

  it("when the symbol's tick is 0.00001, then the candles' price format shows 5 decimals", () => {
    created.length = 0;
    renderHook(() => useCandleChart(container, { candles, dataKey: 'DOGEUSDT/1h', indicators: new Set(), periods: DEFAULT_INDICATOR_PERIODS, colours, locale: 'en-US', tickSize: '0.00001000' }));
    const candleSeries = created.find((s) => s.kind === 'Candlestick');
    expect(candleSeries?.options.priceFormat).toEqual({ type: 'price', precision: 5, minMove: 0.00001 });
  });
});
