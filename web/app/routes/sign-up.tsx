import { useSearchParams } from 'react-router';
import { SignUpForm } from '../../features/account/components/sign-up-form.js';
import { safeNext } from '../../lib/safe-next.js';

export function SignUpRoute() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  return (
    <section className="auth card" aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">Create your account</h1>
      <p className="lead">
        {next.startsWith('/consent/')
          ? 'Create an account to review the agent’s request. It takes a few seconds.'
          : 'One account for every key your agents receive.'}
      </p>
      <SignUpForm next={next} />
    </section>
  );
}
