import { useLocation } from 'react-router';

export interface ReturnState {
  from?: { pathname: string; search?: string };
}

/** Where to go after login: the protected page that sent the user here, else the dashboard. */
export function useReturnPath(): { path: string; state: ReturnState | null } {
  const location = useLocation();
  const state = (location.state as ReturnState | null) ?? null;
  const from = state?.from;
  // Only in-app paths: a crafted state must not send the user to another origin.
  const path = from?.pathname.startsWith('/') && !from.pathname.startsWith('//') ? `${from.pathname}${from.search ?? ''}` : '/';
  return { path, state };
}
