import { Suspense } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useSession } from '../../features/account/api/session.js';
import { SignOutButton } from '../../features/account/components/sign-out-button.js';
import { Link, NavLink } from '../../components/links.js';
import { LoadingPanel } from '../../components/loading-panel.js';
import { PageErrorBoundary } from '../../components/page-error-boundary.js';
import { signInPath } from '../../lib/safe-next.js';

function AccountArea() {
  const session = useSession();
  const location = useLocation();
  const user = session.data?.user;
  if (session.isPending) return null;
  if (user) {
    return (
      <div className="account">
        <span className="account-email" title={user.email}>
          {user.email}
        </span>
        <SignOutButton />
      </div>
    );
  }
  // These pages carry their own sign-in call to action.
  if (['/sign-in', '/sign-up'].includes(location.pathname) || location.pathname.startsWith('/consent/')) return null;
  return (
    <Link className="button button-secondary button-small" to={signInPath(`${location.pathname}${location.search}`)}>
      Sign in
    </Link>
  );
}

export function RootLayout() {
  const location = useLocation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <img src="/favicon.svg" alt="" width="24" height="24" />
            <span>
              Flowie Exchange <span className="brand-sub">Agent access</span>
            </span>
          </Link>
          <nav aria-label="Main" className="site-nav">
            <NavLink to="/scopes">Scopes</NavLink>
            <NavLink to="/keys">Keys</NavLink>
            <NavLink to="/activity">Activity</NavLink>
          </nav>
          <AccountArea />
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        <PageErrorBoundary key={location.pathname}>
          <Suspense fallback={<LoadingPanel label="Loading…" />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>Flowie Exchange · Keys issued here are sandbox keys (flw_test_…).</p>
      </footer>
    </div>
  );
}
