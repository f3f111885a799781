import type { Problem } from '@cryptosim/contracts';

/** Codes the client itself produces when there is no problem+json body to read one from. */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  badResponse: 'BAD_RESPONSE',
} as const;

/**
 * Every failed request surfaces as this one type, so UI code can branch on `code`
 * (the server's stable UPPER_SNAKE machine code) instead of parsing messages.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly problem: Problem | undefined;
  /** From `Retry-After` on 429/503 replies: how long the client should wait. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: string, message: string, problem?: Problem, retryAfterSeconds?: number) {
    super(message);
    this.status = status;
    this.code = code;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isProblem(body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return (
    typeof candidate.code === 'string' &&
    typeof candidate.status === 'number' &&
    typeof candidate.title === 'string'
  );
}

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
