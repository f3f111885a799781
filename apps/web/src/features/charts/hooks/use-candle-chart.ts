import { useEffect, useRef, useState, type RefObject } from 'react';
import {
  CandlestickSeries,
  ColorType,
  HistogramSeries,
  LineSeries,
  createChart,
  type IChartApi,
  type ISeriesApi,
  type SeriesType,
  type UTCTimestamp,
} from 'lightweight-charts';
import type { Candle, IndicatorPeriods } from '@cryptosim/contracts';
import type { ChartColours } from '../chart-colours';
import { tickDecimals } from '@/lib/i18n/tick-decimals';
import { isTailUpdate, toChartData, type ChartSeriesData, type IndicatorId } from '../chart-data';

type LineKey = keyof ChartSeriesData['lines'];
const LINES_OF: Record<IndicatorId, readonly LineKey[]> = {
  sma: ['sma'],
  ema: ['ema'],
  bollinger: ['bbUpper', 'bbMiddle', 'bbLower'],
  rsi: ['rsi'],
};

interface Options {
  candles: readonly Candle[];
  /** Changes of this key (symbol + interval) replace the data instead of updating the tail. */
  dataKey: string;
  indicators: ReadonlySet<IndicatorId>;
  /** Indicator settings; a change redraws every line. */
  periods: IndicatorPeriods;
  colours: ChartColours;
  locale: string;
  /** The symbol's tick size ("0.00001"): the price axis and labels show exactly its decimals. */
  tickSize?: string;
}

/** lightweight-charts' price format for a tick size: 0.00001 → 5 decimals moving by 0.00001. */
export function priceFormatOf(tickSize: string | undefined) {
  if (!tickSize || !(Number(tickSize) > 0)) return { type: 'price' as const, precision: 2, minMove: 0.01 };
  return { type: 'price' as const, precision: tickDecimals(tickSize), minMove: Number(tickSize) };
}

/**
 * The live chart for overlays (order lines, fill markers), read in their effects. `alive` turns
 * false before the chart is removed: an overlay's cleanup that runs after that must not touch
 * the disposed chart ("Object is disposed"), since removing the chart removed its lines anyway.
 * Overlay effects declared after useCandleChart run after the chart exists.
 */
export interface ChartHandle {
  chart: RefObject<IChartApi | null>;
  candles: RefObject<ISeriesApi<'Candlestick'> | null>;
  element: RefObject<HTMLElement | null>;
  alive: RefObject<boolean>;
}

const lineColour = (key: LineKey, c: ChartColours) => (key === 'sma' ? c.sma : key === 'ema' ? c.ema : key === 'rsi' ? c.rsi : c.bands);

/**
 * Owns one lightweight-charts instance in `container`: candles with a volume histogram on an
 * overlay scale, optional indicator lines, RSI in its own pane. Returns the open time under
 * the crosshair (null when the pointer is off the chart).
 */
export function useCandleChart(container: RefObject<HTMLDivElement | null>, { candles, dataKey, indicators, periods, colours, locale, tickSize }: Options) {
  const chartRef = useRef<IChartApi | null>(null);
  const baseRef = useRef<{ candles: ISeriesApi<'Candlestick'>; volume: ISeriesApi<'Histogram'> } | null>(null);
  const linesRef = useRef(new Map<LineKey, ISeriesApi<SeriesType>>());
  const shownRef = useRef<{ key: string; candles: readonly Candle[]; periods?: IndicatorPeriods }>({ key: '', candles: [] });
  const [hoverTime, setHoverTime] = useState<number | null>(null);
  const candlesRef = useRef<ISeriesApi<'Candlestick'> | null>(null);
  const aliveRef = useRef(false);
  const [handle] = useState<ChartHandle>(() => ({ chart: chartRef, candles: candlesRef, element: container, alive: aliveRef }));

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart = createChart(element, {
      autoSize: true,
      // TradingView's logo links to tradingview.com, as the Apache-2.0 NOTICE asks.
      layout: { attributionLogo: true },
      rightPriceScale: { scaleMargins: { top: 0.1, bottom: 0.25 } },
      timeScale: { timeVisible: true, secondsVisible: false },
    });
    const candleSeries = chart.addSeries(CandlestickSeries, { borderVisible: false });
    const volume = chart.addSeries(HistogramSeries, { priceScaleId: 'volume', priceFormat: { type: 'volume' }, lastValueVisible: false, priceLineVisible: false });
    chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    chart.subscribeCrosshairMove((param) => setHoverTime(param.time === undefined ? null : (param.time as UTCTimestamp) * 1000));
    chartRef.current = chart;
    baseRef.current = { candles: candleSeries, volume };
    candlesRef.current = candleSeries;
    aliveRef.current = true;
    const lines = linesRef.current;
    return () => {
      aliveRef.current = false;
      candlesRef.current = null;
      chart.remove();
      chartRef.current = null;
      baseRef.current = null;
      lines.clear();
      shownRef.current = { key: '', candles: [] };
    };
  }, [container]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    chart.applyOptions({
      layout: { background: { type: ColorType.Solid, color: colours.background }, textColor: colours.text },
      grid: { vertLines: { color: colours.grid }, horzLines: { color: colours.grid } },
      // Local time for the crosshair label; the axis itself stays in UTC like the exchange's candles.
      localization: { locale, timeFormatter: (t: unknown) => time.format((t as number) * 1000) },
    });
    baseRef.current?.candles.applyOptions({ upColor: colours.up, downColor: colours.down, wickUpColor: colours.up, wickDownColor: colours.down });
    for (const [key, series] of linesRef.current) series.applyOptions({ color: lineColour(key, colours) });
  }, [colours, locale]);

  useEffect(() => {
    const chart = chartRef.current;
    const base = baseRef.current;
    if (!chart || !base) return;
    const lines = linesRef.current;
    const wanted = new Set([...indicators].flatMap((id) => LINES_OF[id]));
    const added = new Set<LineKey>();
    for (const [key, series] of lines) {
      if (!wanted.has(key)) {
        chart.removeSeries(series);
        lines.delete(key);
      }
    }
    for (const key of wanted) {
      if (lines.has(key)) continue;
      const series = chart.addSeries(
        LineSeries,
        { color: lineColour(key, colours), lineWidth: key === 'bbMiddle' ? 1 : 2, lastValueVisible: false, priceLineVisible: false, crosshairMarkerVisible: false },
        key === 'rsi' ? 1 : 0,
      );
      if (key !== 'rsi') series.applyOptions({ priceFormat: priceFormatOf(tickSize) });
      lines.set(key, series);
      added.add(key);
      if (key === 'rsi') chart.panes()[1]?.setStretchFactor(0.3);
    }

    const data = toChartData(candles, { up: colours.upVolume, down: colours.downVolume }, periods);
    const shown = shownRef.current;
    const tail = shown.key === dataKey && shown.periods === periods && isTailUpdate(shown.candles, candles);
    if (tail && data.candles.length > 0) {
      base.candles.update(data.candles.at(-1)!);
      base.volume.update(data.volumes.at(-1)!);
      for (const [key, series] of lines) {
        const point = data.lines[key].at(-1);
        if (point && !added.has(key)) series.update(point);
      }
    } else {
      base.candles.setData(data.candles);
      base.volume.setData(data.volumes);
      // A short history (7 daily candles) spreads over the width instead of a corner of it.
      if (data.candles.length < 100) chart.timeScale().fitContent();
    }
    // Newly toggled lines and every line after a full reload need their whole history.
    for (const [key, series] of lines) if (!tail || added.has(key)) series.setData(data.lines[key]);
    shownRef.current = { key: dataKey, candles, periods };
  }, [candles, dataKey, indicators, periods, colours, tickSize]);

  useEffect(() => {
    const format = priceFormatOf(tickSize);
    baseRef.current?.candles.applyOptions({ priceFormat: format });
    for (const [key, series] of linesRef.current) if (key !== 'rsi') series.applyOptions({ priceFormat: format });
  }, [tickSize]);

  return { hoverTime, handle };
}
