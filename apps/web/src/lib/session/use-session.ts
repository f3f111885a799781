import { useSelector } from 'react-redux';
import type { SessionState } from './session-slice';

/** Features read the session through this hook instead of the app's typed store hooks. */
export function useSession(): SessionState {
  return useSelector((state: { session: SessionState }) => state.session);
}

export function useIsSignedIn(): boolean {
  return useSelector((state: { session: SessionState }) => state.session.tokens !== null);
}
