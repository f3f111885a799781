import type { AuthResponse, RegisterRequest } from '@cryptosim/contracts';
import { AppError } from '../../kernel/app-error.js';
import { isUniqueViolation } from '../../ports/db/pg-error.js';
import type { AccountsDeps } from './accounts-deps.js';
import { deviceTokenFor } from './account-lockout.js';
import { recordAuthEvent, type ClientInfo } from './auth-event-log.js';
import { issueSession } from './issue-session.js';
import { hashPassword } from './password-hash.js';
import { insertUser } from './user-repository.js';
import { normalizeEmail } from './user-view.js';

/**
 * Creates the account (100000 USDT, the schema's default) and signs it in. Uniqueness is
 * the database's case-insensitive indexes, so two racing registrations cannot both win.
 */
export async function registerUser(deps: AccountsDeps, input: RegisterRequest, client: ClientInfo): Promise<AuthResponse> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    return await deps.db.transaction(async (tx) => {
      const user = await insertUser(tx, { username: input.username, email, passwordHash });
      const { response } = await issueSession(tx, deps.jwtSecret, user);
      await recordAuthEvent(tx, deps.logger, { kind: 'register', userId: user.id, client });
      return { ...response, deviceToken: deviceTokenFor(deps.jwtSecret, user.id) };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_username_key')) {
      throw new AppError('USERNAME_TAKEN', 409, `The username "${input.username}" is taken.`);
    }
    if (isUniqueViolation(error, 'users_email_key')) throw new AppError('EMAIL_TAKEN', 409, 'That e-mail address is already registered.');
    throw error;
  }
}
