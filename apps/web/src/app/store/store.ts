import { configureStore } from '@reduxjs/toolkit';
import { useDispatch, useSelector } from 'react-redux';
import { loadPreferences, savePreferences } from './persisted-preferences';
import { preferencesReducer, type PreferencesState } from './preferences-slice';

export interface StoreOptions {
  preferences?: PreferencesState;
  storage?: Storage;
}

/** Client state only; server state lives in TanStack Query. */
export function createAppStore({ preferences, storage }: StoreOptions = {}) {
  const store = configureStore({
    reducer: { preferences: preferencesReducer },
    preloadedState: { preferences: preferences ?? loadPreferences(storage) },
  });
  let saved = store.getState().preferences;
  store.subscribe(() => {
    const current = store.getState().preferences;
    if (current !== saved) {
      saved = current;
      savePreferences(storage, current);
    }
  });
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;
export type RootState = ReturnType<AppStore['getState']>;
export type AppDispatch = AppStore['dispatch'];

export const useAppDispatch = useDispatch.withTypes<AppDispatch>();
export const useAppSelector = useSelector.withTypes<RootState>();
