import type { SessionsResponse } from '@cryptosim/contracts';
import { AppError } from '../../kernel/app-error.js';
import type { AccountsDeps } from './accounts-deps.js';
import type { AuthUser } from './authenticate.js';
import { recordAuthEvent, type ClientInfo } from './auth-event-log.js';
import { listLiveSessions, revokeFamily } from './session-repository.js';
import { announceRevoked } from './session-revocation.js';

/** The user's signed-in devices (live refresh-token families). */
export async function listSessions(deps: AccountsDeps, who: AuthUser): Promise<SessionsResponse> {
  const rows = await listLiveSessions(deps.db, who.id);
  return {
    sessions: rows.map((r) => ({
      id: r.familyId,
      createdAt: r.createdAt.toISOString(),
      lastUsedAt: r.lastUsedAt.toISOString(),
      current: r.familyId === who.sessionId,
    })),
  };
}

/** Signs one device out. Another user's session id is a 404, exactly like one that never existed. */
export async function revokeSession(deps: AccountsDeps, who: AuthUser, sessionId: string, client: ClientInfo): Promise<void> {
  const revoked = await revokeFamily(deps.db, who.id, sessionId);
  if (revoked === 0) throw new AppError('NOT_FOUND', 404, 'No such session.');
  await recordAuthEvent(deps.db, deps.logger, { kind: 'session_revoked', userId: who.id, client });
  await announceRevoked(deps.cache, deps.logger, [sessionId]);
}
