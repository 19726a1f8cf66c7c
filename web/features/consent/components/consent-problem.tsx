import { Link } from '../../../components/links.js';
import { signInPath } from '../../../lib/safe-next.js';

export type ConsentProblemKind = 'not_found' | 'expired' | 'decided';

const COPY: Record<ConsentProblemKind, { title: string; body: string; next?: string }> = {
  not_found: {
    title: 'We can’t find this request',
    body:
      'The link may be incomplete, or the request never existed. Nothing was shared. Go back to the agent and ask it to start again: it will give you a new link.',
  },
  expired: {
    title: 'This request has expired',
    body:
      'Requests stay open for a few minutes only, and this one ran out before a decision was made. Nothing was shared. Ask the agent to start again: it will give you a new link.',
  },
  decided: {
    title: 'This request was already answered',
    body:
      'Each request can be approved or denied once, and this one already was, perhaps in another tab. If the agent still needs access, ask it to start again.',
    // Codes are single-use and stored only as hashes, so a reload after approving cannot show the code again.
    next: 'If you approved it and did not copy the code, ask the agent to start a new request; the code is shown only once.',
  },
};

/** A request that cannot be acted on: no buttons, just what happened and what to do. */
export function ConsentProblem({ kind }: { kind: ConsentProblemKind }) {
  const { title, body, next } = COPY[kind];
  return (
    <article className="card consent-outcome" role="region" aria-label={title}>
      <p className="eyebrow eyebrow-muted">Access request</p>
      <h1>{title}</h1>
      <p className="lead">{body}</p>
      {next && <p>{next}</p>}
      <p>
        {kind === 'decided' ? <Link to="/activity">See your past decisions</Link> : <Link to="/">About Flowie agent access</Link>}
      </p>
    </article>
  );
}

/**
 * The BFF shows a request only to a signed-in person, so nothing here is known yet: the link may be
 * stale or made up. The copy must stay true either way.
 */
export function ConsentSignInNeeded({ requestPath }: { requestPath: string }) {
  return (
    <article className="card consent-outcome">
      <p className="eyebrow">Access request</p>
      <h1>Sign in to review this access request</h1>
      <p className="lead">
        After signing in you come straight back here and see which agent is asking and what it wants to do, or that
        the link is no longer valid. Nothing is shared until you approve.
      </p>
      <div className="actions">
        <Link className="button button-primary" to={signInPath(requestPath)}>
          Sign in
        </Link>
        <Link className="button button-secondary" to={signInPath(requestPath, '/sign-up')}>
          Create account
        </Link>
      </div>
    </article>
  );
}
