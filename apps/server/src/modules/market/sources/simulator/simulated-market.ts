import type { Candle, SymbolInfo } from '@cryptosim/contracts';
import type { SourceCheckpoint, SourceKline, SourceTick } from '../../../../ports/market/market-source.js';
import { MarketModel } from './market-model.js';
import { Prng } from './prng.js';
import { RollingDay } from './rolling-day.js';
import { SimulatedHistory, type HistorySymbol } from './simulated-history.js';
import type { SymbolProfile } from './symbol-profiles.js';
import { Units, type UnitCandle } from './units.js';

const MINUTE = 60_000;
/** After a longer stall (a suspended laptop) the market resumes rather than replaying every minute. */
const MAX_CATCH_UP_MINUTES = 60;
const KEEP_LIVE_MINUTES = 7 * 1440;
/** The stopped time filled on resume: as far back as the first start's history reaches. */
const MAX_BRIDGE_MINUTES = 7 * 1440;
/** Sub-steps per filled minute, so its candle gets wicks as a live minute does. */
const BRIDGE_STEPS = 4;

export type SimulatedCheckpoint = Extract<SourceCheckpoint, { kind: 'simulated' }>;

/** What a restarted simulator continues from: its checkpoint and each symbol's stored last 24 h. */
export interface ResumeState {
  checkpoint: SimulatedCheckpoint;
  /** Per symbol, stored closed 1m candles up to the checkpoint's minute, oldest first. */
  recent: Map<string, Candle[]>;
}

interface LiveSymbol extends HistorySymbol {
  info: SymbolInfo;
  price: Units;
  qty: Units;
  /** The continuous price; the candle holds it rounded to ticks. */
  value: number;
  candle: UnitCandle;
  day: RollingDay;
  closed: UnitCandle[];
}

export interface MarketEvents {
  ticks: SourceTick[];
  klines: SourceKline[];
}

/**
 * The simulator without timers: `advance(now)` moves every symbol from the last call to
 * `now` and returns the events. The same seed, start time and call times give the same
 * events, which is what makes it testable and replayable.
 *
 * A first start generates history backwards so it ends at the start prices. A resumed one
 * continues from the checkpoint's closes and volatility regime instead: the minutes it was
 * stopped are simulated forward from the last close (at most the last 7 days of them; an
 * older stop leaves the time before that empty), so every candle opens at the previous close.
 */
export class SimulatedMarket {
  #symbols: LiveSymbol[];
  #model: MarketModel;
  #history: SimulatedHistory | undefined;
  #now: number;
  #bridge: SourceKline[] = [];

  constructor(infos: SymbolInfo[], profiles: SymbolProfile[], seed: string, startMs: number, resume?: ResumeState) {
    const anchor = Math.floor(startMs / MINUTE) * MINUTE;
    const base = infos.map((info, i) => ({ info, profile: profiles[i]!, price: new Units(info.tickSize), qty: new Units(info.stepSize) }));
    if (resume) {
      this.#model = new MarketModel(profiles, new Prng(seed, `resume/${resume.checkpoint.minute}`));
      this.#model.restoreVariances(base.map((s) => resume.checkpoint.symbols[s.info.symbol]?.variance));
      const from = Math.max(resume.checkpoint.minute + MINUTE, anchor - MAX_BRIDGE_MINUTES * MINUTE);
      this.#now = from;
      this.#symbols = base.map((s) => {
        const close = resume.checkpoint.symbols[s.info.symbol]?.close;
        const value = close === undefined ? s.profile.startPrice : Number(close);
        const o = s.price.of(value, 1);
        const recent = (resume.recent.get(s.info.symbol) ?? []).map((c) => ({
          openTime: c.openTime, o: s.price.of(Number(c.open), 1), h: s.price.of(Number(c.high), 1), l: s.price.of(Number(c.low), 1), c: s.price.of(Number(c.close), 1), v: s.qty.of(Number(c.volume)),
        }));
        return { ...s, value, candle: { openTime: from, o, h: o, l: o, c: o, v: 0 }, day: new RollingDay(recent), closed: [] };
      });
      while (this.#now < anchor) {
        for (let k = 0; k < BRIDGE_STEPS; k++) this.#step(1 / BRIDGE_STEPS);
        this.#now += MINUTE;
        for (const s of this.#symbols) this.#bridge.push(this.#closeMinute(s));
      }
      return;
    }
    this.#history = new SimulatedHistory(base, seed, anchor);
    this.#model = new MarketModel(profiles, new Prng(seed, 'live'));
    this.#now = startMs;
    this.#symbols = base.map((s, i) => {
      const o = s.price.of(s.profile.startPrice, 1);
      return {
        ...s,
        value: s.profile.startPrice,
        candle: { openTime: anchor, o, h: o, l: o, c: o, v: 0 },
        day: new RollingDay(this.#history!.range(i, anchor - 1440 * MINUTE, anchor)),
        closed: [],
      };
    });
  }

  /** The closed minutes simulated for the time the app was stopped (once; empty on a first start). */
  takeBridge(): SourceKline[] {
    return this.#bridge.splice(0);
  }

  /** The last closed minute's closes and the volatility regime; undefined before a minute has closed. */
  checkpoint(): SimulatedCheckpoint | undefined {
    const minute = this.#symbols[0]?.closed.at(-1)?.openTime;
    if (minute === undefined) return undefined;
    const variances = this.#model.variances();
    const symbols: SimulatedCheckpoint['symbols'] = {};
    this.#symbols.forEach((s, i) => {
      const last = s.closed.at(-1);
      if (last) symbols[s.info.symbol] = { close: s.price.format(last.c), variance: variances[i]! };
    });
    return { kind: 'simulated', minute, symbols };
  }

  advance(now: number): MarketEvents {
    const events: MarketEvents = { ticks: [], klines: [] };
    if (now - this.#now > MAX_CATCH_UP_MINUTES * MINUTE) this.#now = now - MAX_CATCH_UP_MINUTES * MINUTE;
    while (this.#now < now) {
      const minuteEnd = this.#symbols[0]!.candle.openTime + MINUTE;
      const until = Math.min(now, minuteEnd);
      this.#step((until - this.#now) / MINUTE);
      this.#now = until;
      if (until === minuteEnd) for (const s of this.#symbols) events.klines.push(this.#closeMinute(s));
    }
    for (const s of this.#symbols) {
      events.klines.push(this.#kline(s, s.candle, false, now));
      events.ticks.push(this.#tick(s, now));
    }
    return events;
  }

  #step(dtMinutes: number): void {
    const moves = this.#model.step(dtMinutes);
    this.#symbols.forEach((s, i) => {
      const move = moves[i]!;
      s.value *= Math.exp(move.ret);
      const p = s.price.of(s.value, 1);
      const c = s.candle;
      c.c = p;
      c.h = Math.max(c.h, p);
      c.l = Math.min(c.l, p);
      const volume = s.profile.volumePerMinute * dtMinutes * Math.exp(0.5 * Math.abs(move.shock)) * move.volRatio * 0.8;
      c.v += s.qty.of(volume);
    });
  }

  #closeMinute(s: LiveSymbol): SourceKline {
    const done = s.candle;
    s.day.add(done);
    s.closed.push(done);
    if (s.closed.length > KEEP_LIVE_MINUTES) s.closed.shift();
    s.candle = { openTime: done.openTime + MINUTE, o: done.c, h: done.c, l: done.c, c: done.c, v: 0 };
    return this.#kline(s, done, true, done.openTime + MINUTE - 1);
  }

  #kline(s: LiveSymbol, c: UnitCandle, closed: boolean, eventTime: number): SourceKline {
    const p = (u: number) => s.price.format(u);
    return { symbol: s.info.symbol, openTime: c.openTime, open: p(c.o), high: p(c.h), low: p(c.l), close: p(c.c), volume: s.qty.format(c.v), closed, eventTime };
  }

  #tick(s: LiveSymbol, now: number): SourceTick {
    const day = s.day.stats(s.candle);
    const p = (u: number) => s.price.format(u);
    return { symbol: s.info.symbol, price: p(s.candle.c), open24h: p(day.open), high24h: p(day.high), low24h: p(day.low), volume24h: s.qty.format(day.volume), eventTime: now };
  }

  /** Closed candles with openTime in [startMs, endMs): generated history, then what ran live. */
  history(symbol: string, startMs: number, endMs: number): SourceKline[] {
    const i = this.#symbols.findIndex((s) => s.info.symbol === symbol);
    const s = this.#symbols[i];
    if (!s) return [];
    const past = this.#history?.range(i, startMs, endMs) ?? [];
    const live = s.closed.filter((c) => c.openTime >= startMs && c.openTime < endMs);
    return [...past, ...live].map((c) => this.#kline(s, c, true, c.openTime + MINUTE - 1));
  }

  /** Coarse `bucketMinutes` candles in [startMs, endMs) before the minute history (first start only). */
  coarseHistory(symbol: string, bucketMinutes: number, startMs: number, endMs: number): SourceKline[] {
    const i = this.#symbols.findIndex((s) => s.info.symbol === symbol);
    const s = this.#symbols[i];
    if (!s || !this.#history) return [];
    return this.#history.coarse(i, bucketMinutes, startMs, endMs).map((c) => this.#kline(s, c, true, c.openTime + bucketMinutes * MINUTE - 1));
  }
}
