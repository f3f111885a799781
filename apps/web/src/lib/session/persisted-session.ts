import { signedOutSession, type SessionState } from './session-slice';

export const SESSION_STORAGE_KEY = 'cryptosim.session';

function isTokens(value: unknown): value is NonNullable<SessionState['tokens']> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.accessToken === 'string' && typeof v.refreshToken === 'string' && typeof v.expiresAt === 'number';
}

/**
 * The tokens stay in localStorage so a reload (or a second tab) keeps the user signed in.
 * Anything malformed reads as signed out: the worst case is one extra login.
 */
export function loadSession(storage: Storage | undefined): SessionState {
  try {
    const raw = storage?.getItem(SESSION_STORAGE_KEY);
    if (!raw) return signedOutSession;
    const stored = JSON.parse(raw) as Record<string, unknown>;
    const user = stored.user;
    if (!isTokens(stored.tokens) || typeof user !== 'object' || user === null) return signedOutSession;
    return { user: user as SessionState['user'], tokens: stored.tokens };
  } catch {
    return signedOutSession;
  }
}

export function saveSession(storage: Storage | undefined, session: SessionState): void {
  try {
    if (session.tokens) storage?.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    else storage?.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // Private browsing or a full quota: the session still holds until the tab closes.
  }
}
