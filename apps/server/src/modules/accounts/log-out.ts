import type { AccountsDeps } from './accounts-deps.js';
import { recordAuthEvent, type ClientInfo } from './auth-event-log.js';
import { hashRefreshToken } from './refresh-token.js';
import { findRefreshToken, revokeFamily } from './session-repository.js';
import { announceRevoked } from './session-revocation.js';

/**
 * Ends the session the refresh token belongs to (its whole family). Idempotent and silent:
 * an unknown or already revoked token is also a 204, so logout reveals nothing.
 */
export async function logOut(deps: AccountsDeps, refreshToken: string, client: ClientInfo): Promise<void> {
  const row = await findRefreshToken(deps.db, hashRefreshToken(refreshToken));
  if (!row) return;
  const revoked = await revokeFamily(deps.db, row.userId, row.familyId);
  if (revoked === 0) return;
  await recordAuthEvent(deps.db, deps.logger, { kind: 'logout', userId: row.userId, client });
  await announceRevoked(deps.cache, deps.logger, [row.familyId]);
}
