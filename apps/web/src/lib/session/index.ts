export {
  sessionEnded,
  sessionReducer,
  sessionReplaced,
  sessionStarted,
  signedOutSession,
  tokensFrom,
  userUpdated,
  type SessionState,
  type SessionStartedPayload,
  type SessionTokens,
} from './session-slice';
export { SESSION_STORAGE_KEY, loadSession, saveSession } from './persisted-session';
export { useIsSignedIn, useSession } from './use-session';
