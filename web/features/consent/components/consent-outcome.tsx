import { Link } from '../../../components/links.js';

/** After Deny without a redirect: nothing was shared, nothing left to do. */
export function ConsentDenied({ clientName }: { clientName: string }) {
  return (
    <article className="card consent-outcome">
      <p className="eyebrow">Denied</p>
      <h1>You denied the request</h1>
      <p className="lead">
        <bdi>{clientName}</bdi> gets no access to your Flowie account, and no key was created. You can close this
        page.
      </p>
      <p>
        <Link to="/activity">See your activity</Link>
      </p>
    </article>
  );
}

interface LeavingForAgentProps {
  decision: 'approved' | 'denied';
  host: string;
  href: string;
}

/** Shown while the browser leaves for the agent's redirect URI; the link is the fallback. */
export function LeavingForAgent({ decision, host, href }: LeavingForAgentProps) {
  return (
    <article className="card consent-outcome" aria-busy="true">
      <p className={decision === 'approved' ? 'eyebrow eyebrow-success' : 'eyebrow'}>
        {decision === 'approved' ? 'Approved' : 'Denied'}
      </p>
      <h1>Taking you back to the agent</h1>
      <p className="lead">
        {decision === 'approved' ? 'You approved the request.' : 'You denied the request. No key was created.'} Your
        browser is going to <strong className="host">{host}</strong>.
      </p>
      <p>
        Nothing happening? <a href={href}>Continue to {host}</a>
      </p>
    </article>
  );
}
