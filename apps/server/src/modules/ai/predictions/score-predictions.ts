/**
 * The scoring job: gives every prediction whose horizon has passed its outcome, UP / DOWN /
 * FLAT of resolvedPrice / priceAt − 1 against the model's θ for the symbol.
 *
 * The resolved price is the close of the 1m candle that closes at resolveAt (the close of the
 * horizon bar). A late candle is waited for: the prediction stays pending. Once `voidAfterMs`
 * has passed since resolveAt, the latest 1m close in the 5 minutes before is accepted instead
 * (the exchange never sent that minute); with none either, or with no θ for the symbol, the
 * prediction is void: scored_at set, no outcome, never counted in the track record.
 *
 * Idempotent and safe under concurrent workers: rows are written with a guarded update, so a
 * row is scored once, and each run reports only what it wrote itself.
 */
import { Decimal } from 'decimal.js';
import type { Database } from '../../../ports/db/db-port.js';
import { modelParams } from '../registry/model-repository.js';
import type { Label } from '../track-record/classification-metrics.js';
import { duePredictions, resolvePredictions, type DuePrediction, type Resolution } from './prediction-repository.js';

/** How the outcome label is read from a return; the engine's labelling plugs in here. */
export interface OutcomeRule {
  /** θ of the model for the symbol (a positive fraction), undefined when the model has none. */
  thetaOf(params: Record<string, unknown>, symbol: string): number | undefined;
  labelFor(ret: number, theta: number): Label;
}

/** θ from `params.theta` as a number or a map per symbol; UP above +θ, DOWN below −θ. */
export const defaultOutcomeRule: OutcomeRule = {
  thetaOf(params, symbol) {
    const theta = params.theta;
    const value = typeof theta === 'number' ? theta : theta && typeof theta === 'object' ? (theta as Record<string, unknown>)[symbol] : undefined;
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
  },
  labelFor(ret, theta) {
    if (ret > theta) return 'UP';
    if (ret < -theta) return 'DOWN';
    return 'FLAT';
  },
};

export const FALLBACK_WINDOW_MS = 5 * 60_000;

export interface ScoreOptions {
  db: Database;
  rule?: OutcomeRule;
  voidAfterMs: number;
  now?: Date;
  batchSize?: number;
}

export interface ScoreReport {
  scored: number;
  voided: number;
  /** Due but still waiting for the candle at their horizon. */
  waiting: number;
  /** Resolved here but written first by another worker. */
  lostRaces: number;
}

export async function scorePredictions(options: ScoreOptions): Promise<ScoreReport> {
  const rule = options.rule ?? defaultOutcomeRule;
  const now = options.now ?? new Date();
  const limit = options.batchSize ?? 500;
  const report: ScoreReport = { scored: 0, voided: 0, waiting: 0, lostRaces: 0 };
  let after: { resolveAt: number; id: number } | undefined;
  for (;;) {
    const due = await duePredictions(options.db, { now, limit, fallbackMs: FALLBACK_WINDOW_MS, after });
    if (due.length === 0) break;
    const params = await modelParams(options.db, [...new Set(due.map((d) => d.modelVersion))]);
    const resolutions: Resolution[] = [];
    for (const d of due) {
      const resolution = resolve(d, params.get(d.modelVersion) ?? {}, rule, now.getTime() - d.resolveAt >= options.voidAfterMs);
      if (resolution) resolutions.push(resolution);
      else report.waiting += 1;
    }
    const written = new Set(await resolvePredictions(options.db, resolutions, now));
    for (const r of resolutions) {
      if (!written.has(r.id)) report.lostRaces += 1;
      else if (r.outcome === null) report.voided += 1;
      else report.scored += 1;
    }
    const last = due[due.length - 1]!;
    after = { resolveAt: last.resolveAt, id: last.id };
    if (due.length < limit) break;
  }
  return report;
}

/** undefined: keep waiting. */
function resolve(d: DuePrediction, params: Record<string, unknown>, rule: OutcomeRule, overdue: boolean): Resolution | undefined {
  const theta = rule.thetaOf(params, d.symbol);
  const price = d.exactClose ?? (overdue ? d.fallbackClose : null);
  if (price === null || theta === undefined) return overdue ? { id: d.id, outcome: null, resolvedPrice: null } : undefined;
  const ret = new Decimal(price).div(d.priceAt).minus(1).toNumber();
  return { id: d.id, outcome: rule.labelFor(ret, theta), resolvedPrice: price };
}
