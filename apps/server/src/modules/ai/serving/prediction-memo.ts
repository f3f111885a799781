/**
 * Live predictions change only when a bar closes, and track records only when the scoring job
 * runs, so the API keeps both per (model, symbol): the prediction is reused while the latest
 * closed bar is the one it was made at (looked up at most every `barTtlMs`, so a new bar is
 * seen within that), the track-record summary for `summaryTtlMs`. A request in between costs
 * no query at all; concurrent misses share one computation. On a market that runs on the wall
 * clock (`wallClock`), the bar after the latest closed one cannot close before its close time,
 * so until then the latest bar is not looked up at all: on PGlite each lookup holds the event
 * loop, which showed in predict's p99.
 */
import type { Interval, TrackRecordSummary } from '@cryptosim/contracts';
import type { Database } from '../../../ports/db/db-port.js';
import { latestClosedOpenTime } from '../../market/index.js';
import { intervalMs } from '../engine/index.js';
import { scoredPredictions } from '../predictions/prediction-repository.js';
import { summarize } from '../track-record/compute-track-record.js';
import type { ServedModel } from './active-model-cache.js';
import { predictLatest, type LatestPrediction } from './predict-latest.js';

const MAX_KEYS = 1_000;

export class PredictionMemo {
  readonly #predictions = new Map<string, Promise<LatestPrediction | undefined>>();
  readonly #summaries = new Map<string, { at: number; value: Promise<TrackRecordSummary> }>();
  readonly #bars = new Map<string, { at: number; value: Promise<number | null>; nextCloseAt?: number }>();

  constructor(
    private readonly db: Database,
    private readonly summaryTtlMs = 10_000,
    private readonly barTtlMs = 1_000,
    private readonly now: () => number = () => performance.now(),
    /** Epoch ms when the market runs on the wall clock (live, simulated); undefined for a replay. */
    private readonly wallClock: () => number | undefined = () => Date.now(),
  ) {}

  /** The model's prediction at the symbol's latest closed bar; undefined: not enough candles. */
  async prediction(model: ServedModel, symbol: string): Promise<LatestPrediction | undefined> {
    const bar = await this.#latestBar(symbol, model.artifact.interval as Interval);
    if (bar === null) return undefined;
    const key = `${model.version}|${symbol}|${bar}`;
    let hit = this.#predictions.get(key);
    if (!hit) {
      hit = predictLatest(this.db, model, symbol);
      this.#remember(this.#predictions, key, hit);
      // A failure (database down) is not remembered: the next request tries again.
      hit.catch(() => this.#predictions.delete(key));
    }
    return hit;
  }

  /** The short track record of the model on the symbol, at most summaryTtlMs old. */
  async summary(version: string, symbol: string): Promise<TrackRecordSummary> {
    const key = `${version}|${symbol}`;
    const hit = this.#summaries.get(key);
    if (hit && this.now() - hit.at < this.summaryTtlMs) return hit.value;
    const value = scoredPredictions(this.db, { symbol, modelVersion: version }).then(summarize);
    this.#remember(this.#summaries, key, { at: this.now(), value });
    value.catch(() => this.#summaries.delete(key));
    return value;
  }

  #latestBar(symbol: string, interval: Interval): Promise<number | null> {
    const key = `${symbol}|${interval}`;
    const hit = this.#bars.get(key);
    if (hit && this.now() - hit.at < this.barTtlMs) return hit.value;
    const clock = this.wallClock();
    if (hit?.nextCloseAt !== undefined && clock !== undefined && clock < hit.nextCloseAt) return hit.value;
    const value = latestClosedOpenTime(this.db, symbol, interval);
    const entry: { at: number; value: Promise<number | null>; nextCloseAt?: number } = { at: this.now(), value };
    this.#remember(this.#bars, key, entry);
    // The next bar (open + 1 interval) closes at open + 2 intervals.
    value.then((bar) => {
      if (bar !== null) entry.nextCloseAt = bar + 2 * intervalMs(interval);
    }, () => this.#bars.delete(key));
    return value;
  }

  #remember<V>(map: Map<string, V>, key: string, value: V): void {
    // Keys of closed bars and old models are never asked for again: keep the map bounded.
    if (map.size >= MAX_KEYS) map.delete(map.keys().next().value!);
    map.set(key, value);
  }
}
