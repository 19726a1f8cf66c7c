import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../../features/account/api/session.js';
import { LoadingPanel } from '../../components/loading-panel.js';
import { QueryFailure } from '../../components/query-failure.js';
import { signInPath } from '../../lib/safe-next.js';

/**
 * Signed-in pages: a signed-out person goes to sign in (and comes back) before the page asks the
 * server for anything. A session that ends later still meets QueryFailure's login_required redirect.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <LoadingPanel label="Checking your session…" />;
  if (session.isError) return <QueryFailure error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data.user) return <Navigate to={signInPath(`${location.pathname}${location.search}`)} replace />;
  return children;
}
