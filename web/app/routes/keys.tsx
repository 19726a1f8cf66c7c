import { KeysPage } from '../../features/keys/components/keys-page.js';
import { RequireSession } from './require-session.js';

export default function KeysRoute() {
  return (
    <RequireSession>
      <KeysPage />
    </RequireSession>
  );
}
