import type { SessionPort } from '@/lib/api';
import { loadSession, sessionEnded, sessionReplaced, sessionStarted } from '@/lib/session';
import type { AppStore } from './store';

/** Lets the API client read and rotate the tokens kept in the Redux store. */
export function storeSessionPort(store: AppStore, storage: Storage | undefined): SessionPort {
  return {
    current: () => store.getState().session.tokens,
    reload: () => {
      if (!storage) return;
      const stored = loadSession(storage);
      // Another tab rotated the pair: its tokens are the only ones the server still accepts.
      if (stored.tokens && stored.tokens.refreshToken !== store.getState().session.tokens?.refreshToken) {
        store.dispatch(sessionReplaced(stored));
      }
    },
    refreshed: (auth, receivedAt) => store.dispatch(sessionStarted({ auth, receivedAt })),
    ended: () => store.dispatch(sessionEnded()),
  };
}
