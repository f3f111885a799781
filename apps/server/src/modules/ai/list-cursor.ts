/**
 * Opaque list cursors: the sort key of a page's last row, base64url-encoded behind a version
 * tag, so a client cannot build one and a bad one is a 400, never a 500.
 */
import { AppError } from '../../kernel/app-error.js';

const PREFIX = 'v1:';

export function encodeCursor(key: string): string {
  return Buffer.from(`${PREFIX}${key}`).toString('base64url');
}

/** The key, after `valid` accepted it. */
export function decodeCursor(cursor: string | undefined, valid: (key: string) => boolean): string | undefined {
  if (cursor === undefined) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const key = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : '';
  if (!valid(key)) {
    throw new AppError('VALIDATION_FAILED', 400, 'The cursor is not one this API issued.', [{ path: 'querystring/cursor', message: 'is not a valid cursor' }]);
  }
  return key;
}
