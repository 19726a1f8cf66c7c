import type { KeyRow } from '../../../../shared/dashboard.js';
import { ScopeChips } from '../../../components/scope-chips.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { formatDate, formatDateTime } from '../../../lib/format.js';

interface KeysTableProps {
  keys: readonly KeyRow[];
  onRevoke: (key: KeyRow) => void;
}

/** `org_sbx_aA6ZLHcAMXRdfOMq` may wrap after its last underscore only; copying it copies no extra character. */
function BreakAfterPrefix({ id }: { id: string }) {
  const cut = id.lastIndexOf('_') + 1;
  if (cut <= 0) return id;
  return (
    <>
      {id.slice(0, cut)}
      <wbr />
      {id.slice(cut)}
    </>
  );
}

/** One row per key. On narrow screens the CSS turns rows into cards, using each cell's data-label. */
export function KeysTable({ keys, onRevoke }: KeysTableProps) {
  return (
    <table className="data-table keys-table">
      <caption className="visually-hidden">Your API keys</caption>
      <thead>
        <tr>
          <th scope="col" className="cell-agent">
            Agent
          </th>
          <th scope="col">Key</th>
          <th scope="col">Organization</th>
          <th scope="col">Scopes</th>
          <th scope="col">Created</th>
          <th scope="col">Expires</th>
          <th scope="col">Last used</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id}>
            <th scope="row" data-label="Agent" className="cell-agent">
              <bdi id={`key-${key.id}-agent`} className="agent-name">
                {key.clientName}
              </bdi>
            </th>
            <td data-label="Key">
              <code id={`key-${key.id}-prefix`}>{key.keyPrefix}…</code>
            </td>
            <td data-label="Organization">
              <code>
                <BreakAfterPrefix id={key.organizationId} />
              </code>
            </td>
            <td data-label="Scopes">
              <ScopeChips scopes={key.scopes} />
            </td>
            <td data-label="Created">{formatDate(key.createdAt)}</td>
            <td data-label="Expires">{formatDate(key.expiresAt)}</td>
            <td data-label="Last used">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}</td>
            <td data-label="Status">
              <StatusBadge status={key.status} />
              {key.revokedAt && key.status === 'revoked' && (
                <span className="cell-note">{formatDateTime(key.revokedAt)}</span>
              )}
            </td>
            <td className="cell-actions">
              {key.status === 'active' && (
                <button
                  type="button"
                  className="button button-danger-quiet button-small"
                  aria-describedby={`key-${key.id}-agent key-${key.id}-prefix`}
                  onClick={() => onRevoke(key)}
                >
                  Revoke
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
