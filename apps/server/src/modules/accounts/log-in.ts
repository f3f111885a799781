import type { AuthResponse, LoginRequest } from '@cryptosim/contracts';
import { AppError } from '../../kernel/app-error.js';
import type { AccountsDeps } from './accounts-deps.js';
import { recordAuthEvent, type ClientInfo } from './auth-event-log.js';
import { issueSession } from './issue-session.js';
import { verifyPassword } from './password-hash.js';
import { findUserByLogin } from './user-repository.js';

/** One reply for an unknown user and a wrong password, so neither can be told apart. */
export const INVALID_LOGIN = 'Invalid username or password';

/** Username or e-mail plus password; the password is checked even for unknown users (timing). */
export async function logIn(deps: AccountsDeps, input: LoginRequest, client: ClientInfo): Promise<AuthResponse> {
  const user = await findUserByLogin(deps.db, input.username.trim());
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok) {
    await recordAuthEvent(deps.db, deps.logger, { kind: 'login_failed', userId: user?.id ?? null, client });
    throw new AppError('UNAUTHORIZED', 401, INVALID_LOGIN);
  }
  return deps.db.transaction(async (tx) => {
    const { response } = await issueSession(tx, deps.jwtSecret, user);
    await recordAuthEvent(tx, deps.logger, { kind: 'login', userId: user.id, client });
    return response;
  });
}
