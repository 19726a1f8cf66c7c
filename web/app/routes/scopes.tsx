import { ScopesPage } from '../../features/scopes/components/scopes-page.js';

export default function ScopesRoute() {
  return <ScopesPage />;
}
