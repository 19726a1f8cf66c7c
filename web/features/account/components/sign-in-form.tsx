import { useNavigate } from 'react-router';
import { Link } from '../../../components/links.js';
import { isApiError } from '../../../lib/api-client.js';
import { messageFor } from '../../../lib/error-messages.js';
import { signInPath } from '../../../lib/safe-next.js';
import { useSignIn } from '../api/session.js';
import { CredentialsForm } from './credentials-form.js';

/** `next` must already have passed safeNext. */
export function SignInForm({ next }: { next: string }) {
  const navigate = useNavigate();
  const signIn = useSignIn();
  const error = signIn.error;
  const formError = error
    ? isApiError(error, 'invalid_request') ? error.description : messageFor(error)
    : null;

  return (
    <CredentialsForm
      mode="sign-in"
      submitLabel="Sign in"
      pending={signIn.isPending}
      formError={formError}
      onSubmit={(credentials) =>
        signIn.mutate(credentials, { onSuccess: () => navigate(next, { replace: true }) })
      }
      footer={
        <p>
          New to Flowie? <Link to={signInPath(next, '/sign-up')}>Create account</Link>
        </p>
      }
    />
  );
}
