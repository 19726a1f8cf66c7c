import { useNavigate } from 'react-router';
import { useSignOut } from '../api/session.js';

export function SignOutButton() {
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <button
      type="button"
      className="button button-quiet"
      disabled={signOut.isPending}
      onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate('/sign-in', { replace: true }) })}
    >
      Sign out
    </button>
  );
}
