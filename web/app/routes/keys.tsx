import { KeysPage } from '../../features/keys/components/keys-page.js';

export default function KeysRoute() {
  return <KeysPage />;
}
