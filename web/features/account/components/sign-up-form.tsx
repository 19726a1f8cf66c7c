import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Link } from '../../../components/links.js';
import { isApiError } from '../../../lib/api-client.js';
import { messageFor } from '../../../lib/error-messages.js';
import { signInPath } from '../../../lib/safe-next.js';
import { useCreateAccount } from '../api/create-account.js';
import { CredentialsForm } from './credentials-form.js';

function describeError(error: Error | null, next: string): ReactNode {
  if (!error) return null;
  // The way out of "email taken" is signing in, to the same place.
  if (isApiError(error, 'email_taken')) {
    return (
      <>
        An account with this email already exists. <Link to={signInPath(next)}>Sign in instead.</Link>
      </>
    );
  }
  return isApiError(error, 'invalid_request') ? error.description : messageFor(error);
}

/** `next` must already have passed safeNext. */
export function SignUpForm({ next }: { next: string }) {
  const navigate = useNavigate();
  const createAccount = useCreateAccount();
  const formError = describeError(createAccount.error, next);

  return (
    <CredentialsForm
      mode="sign-up"
      submitLabel="Create account"
      pending={createAccount.isPending}
      formError={formError}
      onSubmit={(credentials) =>
        createAccount.mutate(credentials, { onSuccess: () => navigate(next, { replace: true }) })
      }
      footer={
        <p>
          Already have an account? <Link to={signInPath(next)}>Sign in</Link>
        </p>
      }
    />
  );
}
