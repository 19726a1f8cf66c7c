import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../lib/api-client.js';
import { messageFor } from '../lib/error-messages.js';
import { signInPath } from '../lib/safe-next.js';

interface QueryFailureProps {
  error: unknown;
  onRetry?: () => void;
}

/** A failed load: signed-out people go to sign in (and come back), everyone else gets a sentence. */
export function QueryFailure({ error, onRetry }: QueryFailureProps) {
  const location = useLocation();
  if (isApiError(error, 'login_required')) {
    return <Navigate to={signInPath(`${location.pathname}${location.search}`)} replace />;
  }
  return (
    <div className="alert alert-error" role="alert">
      <p>{messageFor(error)}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
