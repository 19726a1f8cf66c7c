import { lazy, useEffect } from 'react';
import { useLocation, useRoutes, type RouteObject } from 'react-router';
import { ConsentRoute } from './routes/consent.js';
import { NotFoundRoute } from './routes/not-found.js';
import { RootLayout } from './routes/root-layout.js';
import { SignInRoute } from './routes/sign-in.js';
import { SignUpRoute } from './routes/sign-up.js';

// The consent and sign-in path stays in the main chunk; everything else loads on demand.
const HomeRoute = lazy(() => import('./routes/home.js'));
const KeysRoute = lazy(() => import('./routes/keys.js'));
const ActivityRoute = lazy(() => import('./routes/activity.js'));
const ScopesRoute = lazy(() => import('./routes/scopes.js'));

const BASE_TITLE = 'Flowie Exchange — agent onboarding';
const TITLES: Record<string, string> = {
  '/sign-in': 'Sign in',
  '/sign-up': 'Create account',
  '/keys': 'Your keys',
  '/activity': 'Activity',
  '/scopes': 'Scope catalogue',
};

/** A title per page, so history entries and screen readers can tell pages apart. */
function useDocumentTitle() {
  const { pathname } = useLocation();
  useEffect(() => {
    const page = pathname === '/' ? null : pathname.startsWith('/consent/') ? 'Access request' : (TITLES[pathname] ?? 'Not found');
    document.title = page ? `${page} · ${BASE_TITLE}` : BASE_TITLE;
  }, [pathname]);
}

// The route table as data: useRoutes needs none of <Routes>' element-to-object conversion.
const ROUTES: RouteObject[] = [
  {
    element: <RootLayout />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'sign-in', element: <SignInRoute /> },
      { path: 'sign-up', element: <SignUpRoute /> },
      { path: 'consent/:requestId', element: <ConsentRoute /> },
      { path: 'keys', element: <KeysRoute /> },
      { path: 'activity', element: <ActivityRoute /> },
      { path: 'scopes', element: <ScopesRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function AppRoutes() {
  useDocumentTitle();
  return useRoutes(ROUTES);
}
