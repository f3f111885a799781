import type { AuthResponse } from '@cryptosim/contracts';
import { AppError } from '../../kernel/app-error.js';
import type { AccountsDeps } from './accounts-deps.js';
import { recordAuthEvent, type ClientInfo } from './auth-event-log.js';
import { issueSession } from './issue-session.js';
import { pairWithinGrace, rememberRotation } from './refresh-grace.js';
import { announceRevoked } from './session-revocation.js';
import { hashRefreshToken } from './refresh-token.js';
import { findRefreshTokenById, findRefreshTokenForUpdate, markRotated, revokeFamily } from './session-repository.js';
import { findUserById } from './user-repository.js';

type Outcome = { ok: true; response: AuthResponse } | { ok: false; message: string; revoked?: string };

/**
 * Rotates a refresh token: the presented one is spent and a new one of the same family is
 * issued. Presenting a spent token again means it was copied (the thief or the owner is
 * replaying it), so the whole family is revoked: both parties must log in again — unless
 * the same client presents it again within the grace window (refresh-grace.ts).
 */
export async function refreshSession(deps: AccountsDeps, refreshToken: string, client: ClientInfo): Promise<AuthResponse> {
  // The transaction returns rather than throws, so the revocation on reuse is committed.
  const outcome = await deps.db.transaction(async (tx): Promise<Outcome> => {
    const tokenHash = hashRefreshToken(refreshToken);
    const row = await findRefreshTokenForUpdate(tx, tokenHash);
    if (!row) return { ok: false, message: 'The refresh token is invalid.' };
    if (row.replacedBy !== null) {
      // The same client again within the grace window, while the pair it got is still unused: that pair again.
      const again = await pairWithinGrace(deps.cache, deps.jwtSecret, refreshToken, tokenHash, client).catch(() => undefined);
      const successor = again && row.revokedAt === null ? await findRefreshTokenById(tx, row.replacedBy) : undefined;
      if (again && successor && successor.replacedBy === null && successor.revokedAt === null) return { ok: true, response: again };
      await revokeFamily(tx, row.userId, row.familyId);
      await recordAuthEvent(tx, deps.logger, { kind: 'refresh_reuse', userId: row.userId, client });
      return { ok: false, message: 'The refresh token was already used; every session of this login is now signed out.', revoked: row.familyId };
    }
    if (row.revokedAt !== null) return { ok: false, message: 'The refresh token was revoked.' };
    if (row.expiresAt.getTime() <= Date.now()) return { ok: false, message: 'The refresh token has expired; log in again.' };
    const user = await findUserById(tx, row.userId);
    if (!user) return { ok: false, message: 'The refresh token is invalid.' };
    const { response, tokenId } = await issueSession(tx, deps.jwtSecret, user, row.familyId);
    await markRotated(tx, row.id, tokenId);
    // Before COMMIT, so a parallel refresh waiting on this row's lock finds it.
    await rememberRotation(deps.cache, deps.jwtSecret, refreshToken, tokenHash, client, response).catch((err: unknown) =>
      deps.logger.warn({ err: (err as Error).message }, 'refresh grace not recorded; a parallel refresh will count as reuse'),
    );
    await recordAuthEvent(tx, deps.logger, { kind: 'refresh', userId: user.id, client });
    return { ok: true, response };
  });
  if (!outcome.ok) {
    if (outcome.revoked) await announceRevoked(deps.cache, deps.logger, [outcome.revoked]);
    throw new AppError('UNAUTHORIZED', 401, outcome.message);
  }
  return outcome.response;
}
