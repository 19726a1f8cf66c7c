import { useSearchParams } from 'react-router';
import { SignInForm } from '../../features/account/components/sign-in-form.js';
import { Link } from '../../components/links.js';
import { safeNext } from '../../lib/safe-next.js';

export function SignInRoute() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const forConsent = next.startsWith('/consent/');
  return (
    <section className="auth card" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <p className="lead">
        {forConsent ? 'Sign in to review the agent’s request.' : 'Manage the keys your agents hold.'}
      </p>
      <SignInForm next={next} />
      <p className="fine-print">
        <Link to="/">What is this?</Link>
      </p>
    </section>
  );
}
