import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useIsSignedIn } from '@/lib/session';

/**
 * Sends a signed-out visitor to /login, remembering the page so the login returns there.
 * Also reacts to a session that ends while the page is open (logout, refused refresh).
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const signedIn = useIsSignedIn();
  const { pathname, search } = useLocation();
  if (!signedIn) return <Navigate to="/login" replace state={{ from: { pathname, search } }} />;
  return children;
}
