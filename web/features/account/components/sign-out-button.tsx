import { useSignOut } from '../api/session.js';

/**
 * Signing out forgets the session and everything cached for it. Public pages stay where they are;
 * signed-in pages notice the missing session and send the person to sign in.
 */
export function SignOutButton() {
  const signOut = useSignOut();
  return (
    <button type="button" className="button button-quiet" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
      Sign out
    </button>
  );
}
