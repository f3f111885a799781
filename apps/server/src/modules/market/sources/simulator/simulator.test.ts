import { Decimal } from 'decimal.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SourceKline, SourceTick } from '../../../../ports/market/market-source.js';
import { DEFAULT_SYMBOLS } from '@cryptosim/contracts';
import { MarketSymbols } from '../../symbols/symbol-registry.js';
import { SimulatedMarket } from './simulated-market.js';
import { SimulatorSource } from './simulator-source.js';
import { SYMBOL_PROFILES } from './symbol-profiles.js';

const START = Date.UTC(2026, 10, 26, 12, 0, 0);
const MINUTE = 60_000;
const symbols = new MarketSymbols([...DEFAULT_SYMBOLS]);
const market = (seed: string) => new SimulatedMarket(symbols.list(), symbols.list().map((s) => SYMBOL_PROFILES[s.symbol]!), seed, START);

function run(seed: string, steps: number): { ticks: SourceTick[]; klines: SourceKline[] } {
  const m = market(seed);
  const out = { ticks: [] as SourceTick[], klines: [] as SourceKline[] };
  for (let i = 1; i <= steps; i++) {
    const e = m.advance(START + i * 250);
    out.ticks.push(...e.ticks);
    out.klines.push(...e.klines);
  }
  return out;
}

const logReturns = (candles: SourceKline[]) => candles.slice(1).map((c, i) => Math.log(Number(c.close) / Number(candles[i]!.close)));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
function kurtosis(xs: number[]): number {
  const m = mean(xs);
  const v = mean(xs.map((x) => (x - m) ** 2));
  return mean(xs.map((x) => (x - m) ** 4)) / v ** 2;
}
function correlation(a: number[], b: number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  const cov = mean(a.map((x, i) => (x - ma) * (b[i]! - mb)));
  return cov / Math.sqrt(mean(a.map((x) => (x - ma) ** 2)) * mean(b.map((x) => (x - mb) ** 2)));
}

describe('simulated market', () => {
  it('when run twice with one seed, then every event is identical; with another seed, prices differ', () => {
    const a = run('seed-a', 600);
    expect(run('seed-a', 600)).toEqual(a);
    const b = run('seed-b', 600);
    expect(b.ticks.map((t) => t.price)).not.toEqual(a.ticks.map((t) => t.price));
    expect(market('seed-a').history('ETHUSDT', START - 500 * MINUTE, START)).toEqual(market('seed-a').history('ETHUSDT', START - 500 * MINUTE, START));
  });

  it('when it emits prices and volumes, then each is a decimal string on the symbol’s tick and lot grid', () => {
    const { ticks, klines } = run('grid', 800);
    const history = symbols.list().flatMap((s) => market('grid').history(s.symbol, START - 60 * MINUTE, START));
    for (const k of [...klines, ...history]) {
      const info = symbols.get(k.symbol)!;
      for (const p of [k.open, k.high, k.low, k.close]) expect(new Decimal(p).mod(info.tickSize).isZero(), `${k.symbol} price ${p} off tick ${info.tickSize}`).toBe(true);
      expect(new Decimal(k.volume).mod(info.stepSize).isZero(), `${k.symbol} volume ${k.volume}`).toBe(true);
      expect(Number(k.high)).toBeGreaterThanOrEqual(Math.max(Number(k.open), Number(k.close)));
      expect(Number(k.low)).toBeLessThanOrEqual(Math.min(Number(k.open), Number(k.close)));
    }
    for (const t of ticks) expect(new Decimal(t.price).mod(symbols.get(t.symbol)!.tickSize).isZero()).toBe(true);
  });

  it('when a minute ends, then each symbol’s candle closes once, and the next opens at its close', () => {
    const { klines } = run('minutes', 241 * 4);
    const closed = klines.filter((k) => k.closed && k.symbol === 'BTCUSDT');
    expect(closed.map((k) => k.openTime)).toEqual([0, 1, 2, 3].map((i) => START + i * MINUTE));
    expect(closed[1]!.open).toBe(closed[0]!.close);
    expect(Number(closed[0]!.volume)).toBeGreaterThan(0);
  });

  it('when history is asked for, then it ends where live prices begin', () => {
    const m = market('continuity');
    const history = m.history('SOLUSDT', START - 10 * MINUTE, START);
    expect(history).toHaveLength(10);
    expect(history.at(-1)!.openTime).toBe(START - MINUTE);
    expect(history.at(-1)!.close).toBe(String(SYMBOL_PROFILES.SOLUSDT!.startPrice));
    const live = m.advance(START + 250).klines.find((k) => k.symbol === 'SOLUSDT')!;
    expect(live.open).toBe(history.at(-1)!.close);
  });

  it('when resumed from a checkpoint after a two-day stop, then the stopped minutes are simulated from the last close in the saved volatility regime, and live prices continue them', () => {
    const first = market('resume');
    for (let i = 1; i <= 3 * 240 + 10; i++) first.advance(START + i * 250);
    const checkpoint = first.checkpoint()!;
    expect(checkpoint.minute).toBe(START + 2 * MINUTE);
    const recent = new Map(symbols.list().map((s) => [s.symbol, first.history(s.symbol, checkpoint.minute - 1439 * MINUTE, checkpoint.minute + MINUTE)] as const));
    const later = START + 2 * 1440 * MINUTE + 30_000;
    const resumed = new SimulatedMarket(symbols.list(), symbols.list().map((s) => SYMBOL_PROFILES[s.symbol]!), 'resume', later, { checkpoint, recent });

    const bridge = resumed.takeBridge().filter((k) => k.symbol === 'BTCUSDT');
    expect(bridge[0]!.openTime, 'the gap starts right after the checkpoint').toBe(checkpoint.minute + MINUTE);
    expect(bridge.at(-1)!.openTime, 'and ends before the current minute').toBe(later - 30_000 - MINUTE);
    expect(bridge[0]!.open, 'the first stopped minute opens at the last close').toBe(checkpoint.symbols.BTCUSDT!.close);
    const jumps = bridge.slice(1).filter((k, i) => k.open !== bridge[i]!.close);
    expect(jumps, 'each minute opens at the previous close').toEqual([]);
    expect(resumed.takeBridge(), 'handed out once').toEqual([]);

    const tick = resumed.advance(later + 250).ticks.find((t) => t.symbol === 'BTCUSDT')!;
    const live = resumed.advance(later + 500).klines.find((k) => k.symbol === 'BTCUSDT' && !k.closed)!;
    expect(live.open, 'live prices continue the filled gap').toBe(bridge.at(-1)!.close);
    // The window of the last 24 h is the filled minutes now (the stop was longer than a day).
    expect(tick.open24h).toBe(bridge.at(-1439)!.open);

    // The same stop from a calm and from a turbulent regime: the filled minutes keep each one's volatility.
    const withVariance = (variance: number) => {
      const cp = { ...checkpoint, symbols: Object.fromEntries(Object.entries(checkpoint.symbols).map(([k, v]) => [k, { ...v, variance }])) };
      const m = new SimulatedMarket(symbols.list(), symbols.list().map((s) => SYMBOL_PROFILES[s.symbol]!), 'resume', later, { checkpoint: cp, recent });
      const btc = m.takeBridge().filter((k) => k.symbol === 'BTCUSDT').slice(0, 30);
      return mean(logReturns(btc).map(Math.abs));
    };
    const baseVar = 0.42 ** 2 / (365 * 1440);
    expect(withVariance(25 * baseVar), 'turbulent regime moves far more in the first half hour').toBeGreaterThan(3 * withVariance(0.1 * baseVar));
  });

  it('when a week of 1m returns is measured, then tails are fat and alts move with BTC', () => {
    const m = market('stats');
    const week = (s: string) => logReturns(m.history(s, START - 7 * 1440 * MINUTE, START));
    const btc = week('BTCUSDT');
    expect(btc.length).toBe(7 * 1440 - 1);
    expect(kurtosis(btc), 'excess kurtosis: fat tails').toBeGreaterThan(4);
    for (const alt of ['ETHUSDT', 'SOLUSDT', 'DOGEUSDT', 'LINKUSDT']) expect(correlation(btc, week(alt)), alt).toBeGreaterThan(0.3);
    const sd = Math.sqrt(mean(btc.map((x) => x * x)));
    expect(sd, 'BTC 1m volatility near its real level (~0.06 %)').toBeGreaterThan(0.0003);
    expect(sd).toBeLessThan(0.0015);
  });
});

describe('simulator source', () => {
  afterEach(() => vi.useRealTimers());

  it('when started, then every symbol ticks several times a second and status says connected', async () => {
    vi.useFakeTimers({ now: START });
    const source = new SimulatorSource({ symbols, seed: 'live' });
    const ticks: SourceTick[] = [];
    await source.start({ onTick: (t) => ticks.push(t), onKline: () => undefined });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ticks.filter((t) => t.symbol === 'DOGEUSDT').length).toBeGreaterThanOrEqual(4);
    expect(source.status()).toEqual({ connected: true, lastEventAt: START + 1_000 });
    await source.close();
    expect(source.status().connected).toBe(false);
  });

  it('when a symbol has neither filters nor a start price, then construction says which', () => {
    expect(() => new SimulatorSource({ symbols: new MarketSymbols(['BTCUSDT', 'FOOUSDT']), seed: 'x' })).toThrow(/FOOUSDT/);
  });
});
