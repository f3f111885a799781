import type { User } from '@cryptosim/contracts';
import { AppError } from '../../kernel/app-error.js';
import { isUniqueViolation } from '../../ports/db/pg-error.js';
import type { AccountsDeps } from './accounts-deps.js';
import { recordAuthEvent, type ClientInfo } from './auth-event-log.js';
import { updateUserEmail } from './user-repository.js';
import { normalizeEmail, toUserView } from './user-view.js';

export async function updateEmail(deps: AccountsDeps, userId: number, email: string, client: ClientInfo): Promise<User> {
  try {
    return await deps.db.transaction(async (tx) => {
      const row = await updateUserEmail(tx, userId, normalizeEmail(email));
      if (!row) throw new AppError('UNAUTHORIZED', 401, 'The account no longer exists.');
      await recordAuthEvent(tx, deps.logger, { kind: 'email_change', userId, client });
      return toUserView(row);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) throw new AppError('EMAIL_TAKEN', 409, 'That e-mail address is already registered.');
    throw error;
  }
}
