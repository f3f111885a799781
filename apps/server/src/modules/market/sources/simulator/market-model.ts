import type { Prng } from './prng.js';
import type { SymbolProfile } from './symbol-profiles.js';

const MINUTES_PER_YEAR = 365 * 24 * 60;
/** GARCH(1,1) per minute: shock weight, persistence of yesterday's variance. */
const ALPHA = 0.08;
const BETA = 0.9;
/** Student-t degrees of freedom for shocks: fat tails like real 1m returns (kurtosis ≫ 3). */
const NU = 4;
/** Jumps: about one per symbol per six hours, several minute-sigmas wide. */
const JUMPS_PER_MINUTE = 1 / 360;
const JUMP_SIGMAS = 6;

interface State {
  profile: SymbolProfile;
  /** Long-run variance of a one-minute log return. */
  baseVar: number;
  /** Current conditional variance per minute (volatility clustering). */
  variance: number;
}

export interface Move {
  /** Log return over the step. */
  ret: number;
  /** The step's shock in standard deviations (drives volume). */
  shock: number;
  /** Current volatility relative to the symbol's long-run level. */
  volRatio: number;
}

/**
 * Joint log returns of every symbol: one market (BTC) factor plus idiosyncratic noise per
 * symbol, each with its own GARCH variance and compound-Poisson jumps. Time steps of any
 * length (a 250 ms tick, a whole minute of history) use the same per-minute parameters.
 */
export class MarketModel {
  #states: State[];

  constructor(
    profiles: SymbolProfile[],
    private readonly prng: Prng,
  ) {
    this.#states = profiles.map((profile) => {
      const baseVar = profile.annualVol ** 2 / MINUTES_PER_YEAR;
      return { profile, baseVar, variance: baseVar };
    });
  }

  /** Each symbol's current per-minute variance (its volatility regime), in constructor order. */
  variances(): number[] {
    return this.#states.map((s) => s.variance);
  }

  /** Continues a regime saved by `variances()`, kept within the model's own bounds. */
  restoreVariances(variances: Array<number | undefined>): void {
    this.#states.forEach((s, i) => {
      const v = variances[i];
      if (v !== undefined && Number.isFinite(v)) s.variance = Math.min(25 * s.baseVar, Math.max(0.1 * s.baseVar, v));
    });
  }

  /** One step of `dtMinutes` for every symbol, in constructor order; draws a fixed count per step. */
  step(dtMinutes: number): Move[] {
    const market = this.prng.studentT(NU);
    const marketJump = this.prng.next() < JUMPS_PER_MINUTE * dtMinutes * 0.5 ? this.prng.normal() * JUMP_SIGMAS : 0;
    return this.#states.map((s) => {
      const rho = s.profile.btcCorrelation;
      const own = this.prng.studentT(NU);
      const ownJump = this.prng.next() < JUMPS_PER_MINUTE * dtMinutes * 0.5 ? this.prng.normal() * JUMP_SIGMAS : 0;
      const shock = rho * market + Math.sqrt(1 - rho * rho) * own;
      const sigma = Math.sqrt(s.variance * dtMinutes);
      const jump = (rho * marketJump + ownJump) * Math.sqrt(s.baseVar);
      const ret = sigma * shock + jump - (s.variance * dtMinutes) / 2;
      // Euler step of GARCH(1,1) in per-minute units: exact GARCH when dtMinutes = 1.
      const observed = (ret * ret) / dtMinutes;
      const next = s.variance + dtMinutes * ((1 - ALPHA - BETA) * (s.baseVar - s.variance) + ALPHA * (observed - s.variance));
      s.variance = Math.min(25 * s.baseVar, Math.max(0.1 * s.baseVar, next));
      return { ret, shock: shock + jump / Math.sqrt(s.baseVar), volRatio: Math.sqrt(s.variance / s.baseVar) };
    });
  }
}
