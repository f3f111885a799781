/**
 * Reads PostgreSQL's own error fields through drizzle's wrapper (DrizzleQueryError keeps
 * the driver error as `cause`). node-postgres and PGlite both report `code` and `constraint`,
 * so use cases map a violated constraint to an API code the same way on either database.
 */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_CHECK_VIOLATION = '23514';

export interface PgErrorFields {
  code: string;
  constraint: string | undefined;
  message: string;
}

export function pgErrorOf(error: unknown): PgErrorFields | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint, message } = e as { code?: unknown; constraint?: unknown; message?: unknown };
    // SQLSTATE codes are five characters; Node's own codes (ECONNREFUSED) are not.
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return { code, constraint: typeof constraint === 'string' ? constraint : undefined, message: String(message ?? '') };
    }
  }
  return undefined;
}

/** True when `error` is a unique violation, of `constraint` when given (e.g. users_username_key). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(error);
  return pg?.code === PG_UNIQUE_VIOLATION && (constraint === undefined || pg.constraint === constraint);
}
