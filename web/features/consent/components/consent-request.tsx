import { useId } from 'react';
import type { ConsentView } from '../../../../shared/bff.js';
import { ExpiryCountdown } from './expiry-countdown.js';
import { ScopeOptions } from '../../../components/scope-options.js';
import { useSelection } from '../../../lib/use-selection.js';

interface ConsentRequestProps {
  view: ConsentView;
  pending: boolean;
  /** A failure of the last Approve / Deny that did not end the request, as a sentence. */
  decisionError: string | null;
  onApprove: (scopes: string[]) => void;
  onDeny: () => void;
  onExpire: () => void;
}

/** The pending request: who asks, where the browser goes next, how long is left, and what is asked. */
export function ConsentRequest({ view, pending, decisionError, onApprove, onDeny, onExpire }: ConsentRequestProps) {
  const id = useId();
  const [selected, toggle] = useSelection(() => view.scopes.map((s) => s.name));
  const noneSelected = selected.size === 0;
  const removed = view.scopes.length - selected.size;
  const hint = noneSelected
    ? 'Keep at least one permission ticked to approve, or deny the request.'
    : removed > 0
      ? `You removed ${removed} of ${view.scopes.length} permissions.`
      : null;

  return (
    <article className="card consent" aria-labelledby={`${id}-title`}>
      <p className="eyebrow">Access request</p>
      <h1 id={`${id}-title`} className="consent-title">
        <bdi>{view.client_name}</bdi> asks for an API key
      </h1>
      <p className="lead">
        Approving creates a new Flowie sandbox organization for this agent, with a key that can do only what you keep
        ticked below.
      </p>

      <dl className="facts">
        <div className="fact">
          <dt>Requested by</dt>
          <dd>
            <bdi className="client-name">{view.client_name}</bdi>{' '}
            <span className="tag tag-caution">self-declared, not verified</span>
            <p className="fact-note">
              Any agent can choose this name. Continue only if you just asked this agent to connect to Flowie.
            </p>
          </dd>
        </div>
        <div className="fact">
          <dt>After you decide</dt>
          <dd>
            {view.redirect_host ? (
              <>
                Your browser will be sent to <strong className="host">{view.redirect_host}</strong>
              </>
            ) : (
              'The code will be shown on screen, for you to paste into the agent.'
            )}
          </dd>
        </div>
        <div className="fact">
          <dt>Request expires in</dt>
          <dd>
            <ExpiryCountdown expiresAt={view.expires_at} onExpire={onExpire} />
          </dd>
        </div>
      </dl>

      <fieldset className="scope-fieldset" disabled={pending}>
        <legend>Permissions requested</legend>
        <p className="fieldset-note">Untick anything the agent does not need. It will get only what stays ticked.</p>
        {view.scopes.some((scope) => scope.access === 'money') && (
          <p className="money-note">
            Some of these permissions touch money: marked <strong>Money</strong>, they let the agent record payments or
            change whether invoices are paid.
          </p>
        )}
        <ScopeOptions scopes={view.scopes} selected={selected} disabled={pending} onToggle={toggle} />
      </fieldset>

      {decisionError && (
        <p className="alert alert-error" role="alert">
          {decisionError}
        </p>
      )}
      {/* The live region stays mounted so screen readers announce the hint when it appears; it takes no space while empty. */}
      <div id={`${id}-hint`} aria-live="polite">
        {hint && <p className="selection-hint">{hint}</p>}
      </div>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={pending || noneSelected}
          aria-describedby={`${id}-hint`}
          onClick={() => onApprove(view.scopes.map((s) => s.name).filter((name) => selected.has(name)))}
        >
          Approve
        </button>
        <button type="button" className="button button-secondary" disabled={pending} onClick={onDeny}>
          Deny
        </button>
      </div>
      <p className="fine-print">
        The key starts with <code>flw_test_</code>, and you can revoke it at any time from your keys.
      </p>
    </article>
  );
}
