/**
 * Test and bench support: a seeded random walk of hourly candles with volatility clusters, so
 * suites need neither ../shared nor the network. Not used to train any shipped model.
 */
import type { Candle } from './candles.js';

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticCandles(count: number, options: { seed?: number; start?: number; intervalMs?: number; price?: number } = {}): Candle[] {
  const rand = seededRandom(options.seed ?? 1);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const step = options.intervalMs ?? 3_600_000;
  let t = options.start ?? Date.UTC(2024, 0, 1);
  let price = options.price ?? 100;
  let vol = 0.01;
  const out: Candle[] = [];
  for (let i = 0; i < count; i++) {
    vol = Math.min(0.05, Math.max(0.002, vol * Math.exp(0.1 * normal())));
    const open = price;
    const close = open * Math.exp(vol * normal());
    const high = Math.max(open, close) * (1 + vol * rand());
    const low = Math.min(open, close) * (1 - vol * rand());
    out.push({ openTime: t, open, high, low, close, volume: 100 * (1 + rand()) * (1 + 50 * vol) });
    price = close;
    t += step;
  }
  return out;
}
