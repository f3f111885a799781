export type Cell = string | number | boolean | null;

export interface BenchResult {
  title: string;
  rows: Array<Record<string, Cell>>;
  /** Headline figures other benchmarks compare against (e.g. req/s). */
  figures: Record<string, number>;
  notes?: string[];
}

export interface Benchmark {
  description: string;
  run(): Promise<BenchResult>;
}

/** Seconds from BENCH_DURATION (default given), so CI smoke runs can be short. */
export function durationSeconds(defaultSeconds: number): number {
  const v = Number(process.env.BENCH_DURATION);
  return Number.isFinite(v) && v > 0 ? v : defaultSeconds;
}
