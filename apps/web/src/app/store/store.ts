import { configureStore } from '@reduxjs/toolkit';
import { useDispatch, useSelector } from 'react-redux';
// The slice file itself, not the feature's index: the store is in the first chunk, the ticket is not.
import { orderDraftsReducer } from '@/features/trading/store/order-draft-slice';
import { loadSession, saveSession, sessionReducer, type SessionState } from '@/lib/session';
import { loadPreferences, savePreferences } from './persisted-preferences';
import { preferencesReducer, type PreferencesState } from './preferences-slice';

export interface StoreOptions {
  preferences?: PreferencesState;
  session?: SessionState;
  storage?: Storage;
}

/** Client state only; server state lives in TanStack Query. */
export function createAppStore({ preferences, session, storage }: StoreOptions = {}) {
  const store = configureStore({
    reducer: { preferences: preferencesReducer, session: sessionReducer, orderDrafts: orderDraftsReducer },
    preloadedState: {
      preferences: preferences ?? loadPreferences(storage),
      session: session ?? loadSession(storage),
    },
  });
  let saved = store.getState();
  store.subscribe(() => {
    const current = store.getState();
    if (current.preferences !== saved.preferences) savePreferences(storage, current.preferences);
    if (current.session !== saved.session) saveSession(storage, current.session);
    saved = current;
  });
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;
export type RootState = ReturnType<AppStore['getState']>;
export type AppDispatch = AppStore['dispatch'];

export const useAppDispatch = useDispatch.withTypes<AppDispatch>();
export const useAppSelector = useSelector.withTypes<RootState>();
