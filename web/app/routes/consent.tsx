import { useParams } from 'react-router';
import { ConsentPage } from '../../features/consent/components/consent-page.js';

export function ConsentRoute() {
  const { requestId = '' } = useParams();
  // key: a different request is a different page, with fresh choices and countdown.
  return <ConsentPage key={requestId} requestId={requestId} />;
}
