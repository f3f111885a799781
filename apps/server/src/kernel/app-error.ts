import type { ErrorCode, ValidationIssue } from '@cryptosim/contracts';

/**
 * An expected failure with a stable code: the domain throws it, the error handler turns
 * it into problem+json. Anything that is not an AppError is a bug and becomes a 500.
 */
export class AppError extends Error {
  override name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly errors?: ValidationIssue[],
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}
