import type { AuthEventKind, AuthEventsResponse } from '@cryptosim/contracts';
import { AppError } from '../../kernel/app-error.js';
import type { Database } from '../../ports/db/db-port.js';
import { listAuthEventsOf } from './auth-event-log.js';

const DEFAULT_LIMIT = 50;

/** The cursor is opaque to clients: base64url of the last id they saw. */
const encodeCursor = (id: number) => Buffer.from(`e${id}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^e([1-9][0-9]{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const id = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(id)) {
    throw new AppError('VALIDATION_FAILED', 400, 'The cursor is invalid; pass nextCursor from the previous page.', [
      { path: 'querystring/cursor', message: 'is not a cursor this API issued' },
    ]);
  }
  return id;
}

/** The user's own sign-in history, newest first. */
export async function listAuthEvents(db: Database, userId: number, query: { limit?: number; cursor?: string }): Promise<AuthEventsResponse> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const beforeId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  // One extra row tells whether another page exists without a count query.
  const rows = await listAuthEventsOf(db, userId, limit + 1, beforeId);
  const page = rows.slice(0, limit);
  return {
    events: page.map((r) => ({
      id: r.id,
      kind: r.kind as AuthEventKind,
      ip: r.ip,
      userAgent: r.userAgent,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!.id) : null,
  };
}
