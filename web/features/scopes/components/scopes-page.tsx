import { useId, useRef, useState } from 'react';
import { clientNameSchema } from '../../../../shared/client-name.js';
import type { Scope } from '../../../../shared/scopes.js';
import { LoadingPanel } from '../../../components/loading-panel.js';
import { QueryFailure } from '../../../components/query-failure.js';
import { useSelection } from '../../../lib/use-selection.js';
import { useScopes } from '../api/scopes.js';
import { ScopeList } from './scope-list.js';
import { SelectionBar } from './selection-bar.js';
import { SnippetTabs } from './snippet-tabs.js';

const DEFAULT_CLIENT_NAME = 'My agent';

function matches(scope: Scope, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return true;
  return [scope.name, scope.title, scope.description, scope.access, ...scope.endpoints].some((text) =>
    text.toLowerCase().includes(needle),
  );
}

export function ScopesPage() {
  const id = useId();
  const scopes = useScopes();
  const [filter, setFilter] = useState('');
  const [selected, toggle] = useSelection(() => []);
  const [clientName, setClientName] = useState(DEFAULT_CLIENT_NAME);
  const builderHeading = useRef<HTMLHeadingElement>(null);
  const nameProblem = clientNameSchema.safeParse(clientName).error?.issues[0]?.message ?? null;


  /** Brings the request panel to the top of the screen and moves focus there, for screen readers too. */
  function viewRequest() {
    const heading = builderHeading.current;
    heading?.scrollIntoView?.({ block: 'start' }); // jsdom has no scrollIntoView
    heading?.focus({ preventScroll: true });
  }

  const all = scopes.data ?? [];
  const visible = all.filter((scope) => matches(scope, filter));
  const chosen = all.filter((scope) => selected.has(scope.name)).map((scope) => scope.name);

  return (
    <section className="page" aria-labelledby="scopes-title">
      <header className="page-header">
        <h1 id="scopes-title">Scope catalogue</h1>
        <p className="lead">
          What an agent can ask for, and what each scope unlocks. Tick the scopes your agent needs to get a ready-made
          authorize request. Machine-readable: <a href="/v1/openapi.json">OpenAPI description</a>.
        </p>
        <p>
          This sandbox serves only the endpoints marked <em>in sandbox</em>; the others belong to the full Flowie
          Exchange API, so a key here can hold their scopes but cannot call them here.
        </p>
      </header>
      <aside className="callout" aria-label="Advice">
        <h2>Ask for less, not more</h2>
        <p>
          Ask only for the scopes your agent needs now (for example <code>documents.read</code>); the person can
          untick any of them, and the key gets only what they keep. If you need more access later, start a new consent
          flow with the extra scopes: the person knows what they are agreeing to.
        </p>
      </aside>

      {scopes.isPending ? (
        <LoadingPanel label="Loading scopes…" />
      ) : scopes.isError ? (
        <QueryFailure error={scopes.error} onRetry={() => void scopes.refetch()} />
      ) : (
        <div className="scopes-layout">
          <div>
            <div className="field">
              <label htmlFor={`${id}-filter`}>Filter scopes</label>
              <input
                id={`${id}-filter`}
                type="search"
                value={filter}
                onChange={(event) => setFilter(event.currentTarget.value)}
                placeholder="documents, payments, GET /v1/…"
                aria-describedby={`${id}-count`}
              />
              <p className="field-hint" id={`${id}-count`} aria-live="polite">
                {visible.length === all.length ? `${all.length} scopes` : `${visible.length} of ${all.length} scopes`}
              </p>
            </div>
            {visible.length === 0 && <p className="empty-state">No scope matches “{filter}”.</p>}
            <ScopeList scopes={visible} selected={selected} onToggle={toggle} />
            <SelectionBar count={chosen.length} onView={viewRequest} />
          </div>
          <section className="request-builder" aria-labelledby={`${id}-builder`}>
            <h2 id={`${id}-builder`} ref={builderHeading} tabIndex={-1}>
              Your authorize request
            </h2>
            <div className="field">
              <label htmlFor={`${id}-client`}>Agent name</label>
              <input
                id={`${id}-client`}
                type="text"
                value={clientName}
                onChange={(event) => setClientName(event.currentTarget.value)}
                aria-invalid={nameProblem ? true : undefined}
                aria-describedby={`${id}-client-hint`}
              />
              <p className={nameProblem ? 'field-error' : 'field-hint'} id={`${id}-client-hint`}>
                {nameProblem ?? 'Shown to the person as self-declared, not verified.'}
              </p>
            </div>
            {chosen.length === 0 ? (
              <p className="empty-state">Tick at least one scope to see the request.</p>
            ) : (
              <>
                <p>
                  Asking for <strong>{chosen.length}</strong> {chosen.length === 1 ? 'scope' : 'scopes'}:{' '}
                  {chosen.map((name, index) => (
                    <span key={name}>
                      {index > 0 && ', '}
                      <code>{name}</code>
                    </span>
                  ))}
                </p>
                <SnippetTabs
                  input={{
                    origin: window.location.origin,
                    clientName: nameProblem ? DEFAULT_CLIENT_NAME : clientName,
                    scopes: chosen,
                  }}
                />
              </>
            )}
          </section>
        </div>
      )}
    </section>
  );
}
