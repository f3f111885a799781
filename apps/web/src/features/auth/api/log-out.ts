import { useCallback } from 'react';
import { useDispatch, useStore } from 'react-redux';
import { useApiClient } from '@/lib/api';
import { sessionEnded, type SessionState } from '@/lib/session';

/**
 * Ends the session here at once and tells the server in the background: a failed logout
 * call must not keep the user signed in on this device (the refresh token expires anyway).
 */
export function useLogOut(): () => void {
  const api = useApiClient();
  const dispatch = useDispatch();
  const store = useStore<{ session: SessionState }>();
  return useCallback(() => {
    const refreshToken = store.getState().session.tokens?.refreshToken;
    dispatch(sessionEnded());
    if (refreshToken) {
      api.request('/api/auth/logout', { method: 'POST', json: { refreshToken } }).catch((error: unknown) => {
        console.warn('logout request failed; the session ended locally', error);
      });
    }
  }, [api, dispatch, store]);
}
