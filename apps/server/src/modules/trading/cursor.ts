/**
 * Opaque list cursors (docs/API.md): the id of the last row of a page. Ids grow with insertion,
 * so "newest first" is "id descending" and the next page is "id below the cursor".
 */
import { AppError } from '../../kernel/app-error.js';

const PREFIX = 'v1:';

export function encodeCursor(lastId: number): string {
  return Buffer.from(`${PREFIX}${lastId}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new AppError('VALIDATION_FAILED', 400, 'The cursor is not one this API issued.', [{ path: 'querystring/cursor', message: 'is not a valid cursor' }]);
  }
  return id;
}

/** Fetches limit + 1 rows; the extra one only says whether another page exists. */
export function page<T extends { id: number }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null };
}
