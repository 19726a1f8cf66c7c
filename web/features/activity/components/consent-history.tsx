import type { ConsentRecord } from '../../../../shared/dashboard.js';
import { ScopeChips } from '../../../components/scope-chips.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { formatDateTime } from '../../../lib/format.js';

/**
 * Requested scopes. For an approval, the ones the person removed are struck through and labelled;
 * a denial is already said by the decision, so its scopes are listed plainly.
 */
function ScopeDiff({ record }: { record: ConsentRecord }) {
  if (record.decision === 'denied') return <ScopeChips scopes={record.requestedScopes} />;
  const approved = new Set(record.approvedScopes);
  return (
    <ul className="chip-list">
      {record.requestedScopes.map((scope) =>
        approved.has(scope) ? (
          <li key={scope} className="chip chip-kept">
            {scope}
          </li>
        ) : (
          <li key={scope} className="chip chip-removed">
            <del>{scope}</del>
            <span className="chip-note"> removed</span>
          </li>
        ),
      )}
    </ul>
  );
}

function KeyCell({ record }: { record: ConsentRecord }) {
  // An approval mints its key only when the agent exchanges the code (RFC 6749 §4.1.3).
  if (!record.key) {
    return (
      <span className="muted">{record.decision === 'approved' ? 'Not issued: the agent has not used the code' : 'None'}</span>
    );
  }
  return (
    <>
      <code>{record.key.keyPrefix}…</code> <StatusBadge status={record.key.status} />
    </>
  );
}

export function ConsentHistory({ consents }: { consents: readonly ConsentRecord[] }) {
  if (consents.length === 0) {
    return <p className="empty-state">No requests yet. When an agent asks for access and you decide, it shows up here.</p>;
  }
  return (
    <ol className="history">
      {consents.map((record) => {
        const removed = record.requestedScopes.filter((s) => !record.approvedScopes.includes(s)).length;
        return (
          <li key={record.id} className="history-item">
            <div className="history-head">
              <h3>
                <bdi>{record.clientName}</bdi>
              </h3>
              <StatusBadge status={record.decision} />
            </div>
            <dl className="history-facts">
              <div>
                <dt>Decided</dt>
                <dd>
                  <time dateTime={record.decidedAt}>{formatDateTime(record.decidedAt)}</time>
                </dd>
              </div>
              <div>
                <dt>{record.decision === 'approved' ? 'Scopes (requested → approved)' : 'Scopes requested'}</dt>
                <dd>
                  <ScopeDiff record={record} />
                  {record.decision === 'approved' && removed > 0 && (
                    <p className="cell-note">
                      You removed {removed} of {record.requestedScopes.length}.
                    </p>
                  )}
                </dd>
              </div>
              {record.redirectHost && (
                <div>
                  <dt>Returned to</dt>
                  <dd className="host">{record.redirectHost}</dd>
                </div>
              )}
              <div>
                <dt>Key</dt>
                <dd>
                  <KeyCell record={record} />
                </dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
