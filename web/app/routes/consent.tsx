import { useParams } from 'react-router';
import { useSession } from '../../features/account/api/session.js';
import { ConsentPage } from '../../features/consent/components/consent-page.js';
import { ConsentSignInNeeded } from '../../features/consent/components/consent-problem.js';
import { LoadingPanel } from '../../components/loading-panel.js';

export function ConsentRoute() {
  const { requestId = '' } = useParams();
  const session = useSession();
  const requestPath = `/consent/${encodeURIComponent(requestId)}`;
  // The BFF shows a request only to a signed-in person; ask a signed-out one to sign in first.
  if (session.isPending) return <LoadingPanel label="Loading the request…" />;
  if (session.data?.user === null) return <ConsentSignInNeeded requestPath={requestPath} />;
  // key: a different request is a different page, with fresh choices and countdown.
  return <ConsentPage key={requestId} requestId={requestId} />;
}
