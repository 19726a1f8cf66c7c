import { lazy, useCallback, useState } from 'react';
import type { ConsentView, DecisionResponse } from '../../../../shared/bff.js';
import { isApiError } from '../../../lib/api-client.js';
import { messageFor } from '../../../lib/error-messages.js';
import { importOr } from '../../../lib/import-or.js';
import { leavePage } from '../../../lib/leave-page.js';
import { QueryFailure } from '../../../components/query-failure.js';
import { LoadingPanel } from '../../../components/loading-panel.js';
import { useConsent, useDecideConsent, type Decision } from '../api/consent.js';
import { ConsentDenied, LeavingForAgent } from './consent-outcome.js';
import { ConsentProblem, ConsentSignInNeeded, type ConsentProblemKind } from './consent-problem.js';
import { ConsentRequest } from './consent-request.js';
import { checkRedirect } from './safe-redirect.js';

// Shown only after an approval without redirect_uri, so not part of the page's first load: Approve
// starts fetching it beside the decision, and the layout's Suspense covers any wait. (A failed early
// fetch is ignored; rendering asks again.) The code cannot be issued twice, so if the view cannot be
// fetched (connection lost, server replaced) or has not arrived after a few seconds, a plain field
// shows it.
const CODE_VIEW_WAIT_MS = 4_000;
const loadAuthorizationCode = () => import('./authorization-code.js');
const AuthorizationCode = lazy(() =>
  importOr(
    () => loadAuthorizationCode().then((m) => ({ default: m.AuthorizationCode })),
    { default: PlainAuthorizationCode },
    CODE_VIEW_WAIT_MS,
  ),
);

function PlainAuthorizationCode({ code }: { code: string }) {
  return (
    <article className="card consent-outcome">
      <p className="eyebrow eyebrow-success">Approved</p>
      <h1>Give this code to the agent</h1>
      <div className="field">
        <label htmlFor="authorization-code">Authorization code</label>
        <input id="authorization-code" className="code-input" type="text" readOnly value={code} spellCheck={false} />
      </div>
      <p>It works once and expires in a few minutes.</p>
    </article>
  );
}

const PROBLEMS: Record<string, ConsentProblemKind> = {
  consent_not_found: 'not_found',
  consent_expired: 'expired',
  consent_decided: 'decided',
};

const UNSAFE_REDIRECT =
  'The agent’s return address does not match the one shown on this page, so we did not send you there. Your decision was recorded; ask the agent to start again.';

function problemOf(error: unknown): ConsentProblemKind | 'login' | null {
  if (isApiError(error, 'login_required')) return 'login';
  if (isApiError(error, ...Object.keys(PROBLEMS))) return PROBLEMS[error.code] ?? null;
  return null;
}

/** A request that is readable but can no longer be decided. */
function problemOfStatus(view: ConsentView | undefined): ConsentProblemKind | null {
  if (!view || view.status === 'pending') return null;
  return view.status === 'expired' ? 'expired' : 'decided';
}

export function ConsentPage({ requestId }: { requestId: string }) {
  const consent = useConsent(requestId);
  const decide = useDecideConsent(requestId);
  const [expired, setExpired] = useState(false);
  const onExpire = useCallback(() => setExpired(true), []);
  const requestPath = `/consent/${encodeURIComponent(requestId)}`;

  function submit(view: ConsentView, decision: Decision) {
    if (decision.decision === 'approve' && view.redirect_host === null) void loadAuthorizationCode().catch(() => undefined);
    decide.mutate(decision, {
      onSuccess: (result: DecisionResponse) => {
        const target = result.redirect_to === null ? null : checkRedirect(result.redirect_to, view.redirect_host);
        if (target) leavePage(target.href);
      },
    });
  }

  const result = decide.data;
  const view = consent.data;
  if (result && view) {
    if (result.redirect_to !== null) {
      const target = checkRedirect(result.redirect_to, view.redirect_host);
      if (!target) return <p className="alert alert-error card" role="alert">{UNSAFE_REDIRECT}</p>;
      return <LeavingForAgent decision={result.decision} host={target.host} href={target.href} />;
    }
    if (result.decision === 'denied') return <ConsentDenied clientName={view.client_name} />;
    if (result.code !== null) {
      return (
        <AuthorizationCode
          clientName={view.client_name}
          code={result.code}
          codeExpiresAt={result.code_expires_at}
          approvedScopes={result.approved_scopes}
        />
      );
    }
    return <QueryFailure error={new Error('approved without a code')} />;
  }

  const problem =
    problemOf(decide.error) ?? problemOf(consent.error) ?? (expired ? 'expired' : null) ?? problemOfStatus(view);
  if (problem === 'login') return <ConsentSignInNeeded requestPath={requestPath} />;
  if (problem) return <ConsentProblem kind={problem} />;
  if (consent.isPending) return <LoadingPanel label="Loading the request…" />;
  if (consent.isError) return <QueryFailure error={consent.error} onRetry={() => void consent.refetch()} />;

  return (
    <ConsentRequest
      view={consent.data}
      pending={decide.isPending}
      decisionError={decide.isError ? messageFor(decide.error) : null}
      onApprove={(scopes) => submit(consent.data, { decision: 'approve', scopes })}
      onDeny={() => submit(consent.data, { decision: 'deny' })}
      onExpire={onExpire}
    />
  );
}
