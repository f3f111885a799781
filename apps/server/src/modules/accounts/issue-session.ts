import { randomUUID } from 'node:crypto';
import type { AuthResponse } from '@cryptosim/contracts';
import type { Database } from '../../ports/db/db-port.js';
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken } from './access-token.js';
import { hashRefreshToken, newRefreshToken, REFRESH_TOKEN_TTL_MS } from './refresh-token.js';
import { insertRefreshToken } from './session-repository.js';
import type { UserRow } from './user-repository.js';
import { toUserView } from './user-view.js';

/**
 * Issues a token pair: a new refresh token in `familyId` (a new family for a login) and an
 * access token naming that family, so "sign out the other sessions" knows which one is this.
 * Returns the new token's row id, for rotation.
 */
export async function issueSession(
  db: Database,
  jwtSecret: string,
  user: UserRow,
  familyId: string = randomUUID(),
): Promise<{ response: AuthResponse; tokenId: number }> {
  const refreshToken = newRefreshToken();
  const tokenId = await insertRefreshToken(db, {
    userId: user.id,
    familyId,
    tokenHash: hashRefreshToken(refreshToken),
    expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
  });
  const accessToken = await signAccessToken(jwtSecret, { userId: user.id, username: user.username, sessionId: familyId });
  return { response: { user: toUserView(user), accessToken, refreshToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS }, tokenId };
}
