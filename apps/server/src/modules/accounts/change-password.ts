import type { ChangePasswordRequest } from '@cryptosim/contracts';
import { AppError } from '../../kernel/app-error.js';
import type { AccountsDeps } from './accounts-deps.js';
import type { AuthUser } from './authenticate.js';
import { recordAuthEvent, type ClientInfo } from './auth-event-log.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import { revokeOtherFamilies } from './session-repository.js';
import { announceRevoked } from './session-revocation.js';
import { findUserById, updateUserPasswordHash } from './user-repository.js';

/**
 * Needs the current password (a stolen access token alone cannot take the account over)
 * and signs out every other session: their refresh tokens are revoked, and their access
 * tokens and sockets end at once. The session making the change stays signed in.
 */
export async function changePassword(deps: AccountsDeps, who: AuthUser, input: ChangePasswordRequest, client: ClientInfo): Promise<void> {
  const user = await findUserById(deps.db, who.id);
  if (!user) throw new AppError('UNAUTHORIZED', 401, 'The account no longer exists.');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    // 403, not 401: the session is fine, and a client must not take this as "log in again".
    throw new AppError('FORBIDDEN', 403, 'The current password is wrong.');
  }
  const passwordHash = await hashPassword(input.newPassword);
  const signedOut = await deps.db.transaction(async (tx) => {
    await updateUserPasswordHash(tx, user.id, passwordHash);
    const families = await revokeOtherFamilies(tx, user.id, who.sessionId);
    await recordAuthEvent(tx, deps.logger, { kind: 'password_change', userId: user.id, client });
    return families;
  });
  await announceRevoked(deps.cache, deps.logger, signedOut);
}
