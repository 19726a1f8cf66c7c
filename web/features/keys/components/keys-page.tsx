import { useRef, useState } from 'react';
import type { KeyRow } from '../../../../shared/dashboard.js';
import { ConfirmDialog } from '../../../components/confirm-dialog.js';
import { Link } from '../../../components/links.js';
import { LoadingPanel } from '../../../components/loading-panel.js';
import { QueryFailure } from '../../../components/query-failure.js';
import { messageFor } from '../../../lib/error-messages.js';
import { useKeys, useRevokeKey } from '../api/keys.js';
import { KeysTable } from './keys-table.js';

export function KeysPage() {
  const keys = useKeys();
  const revoke = useRevokeKey();
  const heading = useRef<HTMLHeadingElement>(null);
  const [target, setTarget] = useState<KeyRow | null>(null);
  const [announcement, setAnnouncement] = useState('');

  function openDialog(key: KeyRow) {
    revoke.reset();
    setTarget(key);
  }

  function confirmRevoke(key: KeyRow) {
    revoke.mutate(key.id, {
      onSuccess: () => {
        setTarget(null);
        setAnnouncement(`Key ${key.keyPrefix} for ${key.clientName} was revoked. It stops working immediately.`);
        heading.current?.focus();
      },
    });
  }

  return (
    <section className="page" aria-labelledby="keys-title">
      <header className="page-header">
        <h1 id="keys-title" ref={heading} tabIndex={-1}>
          Your keys
        </h1>
        <p className="lead">
          Every key an agent received after you approved its request. Revoke a key and it stops working at once.
        </p>
      </header>
      <p className="alert alert-success" role="status" hidden={announcement === ''}>
        {announcement}
      </p>
      {keys.isPending ? (
        <LoadingPanel label="Loading your keys…" />
      ) : keys.isError ? (
        <QueryFailure error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <div className="empty-state">
          <h2>No keys yet</h2>
          <p>
            Keys appear here when an agent starts a consent flow and you approve it: the agent sends you a link, you
            choose what it may do, and it receives a key for exactly that.
          </p>
          <p>
            Building an agent? <Link to="/scopes">Browse the scopes</Link> to prepare its request.
          </p>
        </div>
      ) : (
        <div className="table-wrap">
          <KeysTable keys={keys.data} onRevoke={openDialog} />
        </div>
      )}
      {target && (
        <ConfirmDialog
          title="Revoke this key?"
          confirmLabel="Revoke key"
          pending={revoke.isPending}
          error={revoke.isError ? messageFor(revoke.error) : null}
          onConfirm={() => confirmRevoke(target)}
          onCancel={() => setTarget(null)}
        >
          <p>
            <bdi>{target.clientName}</bdi> will lose access immediately: key <code>{target.keyPrefix}…</code> stops
            working for every request. This cannot be undone; the agent would need to ask you again.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
