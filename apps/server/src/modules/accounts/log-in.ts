import type { AuthResponse, LoginRequest } from '@cryptosim/contracts';
import { AppError } from '../../kernel/app-error.js';
import type { AccountsDeps } from './accounts-deps.js';
import { assertNotLocked, countFailure, deviceTokenFor, isDeviceTokenOf, lockoutKey } from './account-lockout.js';
import { recordAuthEvent, type ClientInfo } from './auth-event-log.js';
import { issueSession } from './issue-session.js';
import { verifyPassword } from './password-hash.js';
import { findUserByLogin } from './user-repository.js';

/** One reply for an unknown user and a wrong password, so neither can be told apart. */
export const INVALID_LOGIN = 'Invalid username or password';

/**
 * Username or e-mail plus password; the password is checked even for unknown users (timing),
 * and failures count towards the account's lockout (account-lockout.ts).
 */
export async function logIn(deps: AccountsDeps, input: LoginRequest, client: ClientInfo): Promise<AuthResponse> {
  const user = await findUserByLogin(deps.db, input.username.trim());
  const counter = lockoutKey(user?.id, input.username);
  // A locked account checks no password, except for a client that signed in to it before.
  if (!(user && isDeviceTokenOf(deps.jwtSecret, user.id, input.deviceToken))) await assertNotLocked(deps.cache, counter);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok) {
    const locked = await countFailure(deps.cache, counter);
    await recordAuthEvent(deps.db, deps.logger, { kind: 'login_failed', userId: user?.id ?? null, client });
    if (locked && user) await recordAuthEvent(deps.db, deps.logger, { kind: 'login_locked', userId: user.id, client });
    throw new AppError('UNAUTHORIZED', 401, INVALID_LOGIN);
  }
  return deps.db.transaction(async (tx) => {
    const { response } = await issueSession(tx, deps.jwtSecret, user);
    await recordAuthEvent(tx, deps.logger, { kind: 'login', userId: user.id, client });
    return { ...response, deviceToken: deviceTokenFor(deps.jwtSecret, user.id) };
  });
}
