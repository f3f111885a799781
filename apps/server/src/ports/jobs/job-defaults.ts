/** Defaults shared by both jobs implementations so they retry the same way. */
export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 1000;
/** How many finished runs are kept for recentRuns(). */
export const RUN_HISTORY = 200;

export interface JobOptions {
  attempts: number;
  backoffMs: number;
}

export function jobOptions(options?: { attempts?: number; backoffMs?: number }): JobOptions {
  const attempts = Math.max(1, Math.floor(options?.attempts ?? DEFAULT_ATTEMPTS));
  const backoffMs = Math.max(0, options?.backoffMs ?? DEFAULT_BACKOFF_MS);
  return { attempts, backoffMs };
}

export function missingHandler(name: string): Error {
  return new Error(`no handler defined for job "${name}"`);
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
