import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { SESSION_STORAGE_KEY, loadSession, sessionReplaced } from '@/lib/session';
import { USER_QUERY_ROOT } from '@/lib/api';
import { useAppDispatch, useAppSelector } from './store';

/**
 * Keeps tabs in step (a login, refresh or logout in one tab applies to all, so no tab holds
 * a refresh token that was already rotated) and drops one user's cached data when the
 * signed-in user changes.
 */
export function SessionEffects({ storage }: { storage: Storage | undefined }) {
  const dispatch = useAppDispatch();
  const queryClient = useQueryClient();
  const userId = useAppSelector((state) => state.session.user?.id ?? null);

  useEffect(() => {
    if (!storage) return;
    const onStorage = (event: StorageEvent) => {
      if (event.key === SESSION_STORAGE_KEY || event.key === null) dispatch(sessionReplaced(loadSession(storage)));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [dispatch, storage]);

  useEffect(() => {
    return () => queryClient.removeQueries({ queryKey: [USER_QUERY_ROOT] });
  }, [userId, queryClient]);

  return null;
}
