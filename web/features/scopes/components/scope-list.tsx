import { useId } from 'react';
import type { Scope } from '../../../../shared/scopes.js';
import { AccessBadge } from '../../../components/access-badge.js';
import { servedBySandbox } from '../sandbox.js';

interface ScopeListProps {
  scopes: readonly Scope[];
  selected: ReadonlySet<string>;
  onToggle: (name: string, checked: boolean) => void;
}

/**
 * The catalogue: a checkbox per scope (named by title, scope name and marker), its description and
 * endpoints, each marked as served by this sandbox or not.
 */
export function ScopeList({ scopes, selected, onToggle }: ScopeListProps) {
  const id = useId();
  return (
    <ul className="scope-options scope-catalogue">
      {scopes.map((scope) => {
        const inputId = `${id}-${scope.name}`;
        return (
          <li key={scope.name} className={`scope-option scope-option-${scope.access}`}>
            <input
              id={inputId}
              type="checkbox"
              checked={selected.has(scope.name)}
              onChange={(event) => onToggle(scope.name, event.currentTarget.checked)}
              aria-describedby={`${inputId}-description`}
            />
            <div className="scope-option-text">
              <label htmlFor={inputId}>
                <span className="scope-title">{scope.title}</span> <code className="scope-name">{scope.name}</code>{' '}
                <AccessBadge access={scope.access} />
              </label>
              <p className="scope-description" id={`${inputId}-description`}>
                {scope.description}
              </p>
              <ul className="endpoint-list" aria-label={`Endpoints unlocked by ${scope.name}`}>
                {scope.endpoints.map((endpoint) => {
                  const served = servedBySandbox(endpoint);
                  return (
                    <li key={endpoint} className={served ? 'endpoint endpoint-served' : 'endpoint endpoint-elsewhere'}>
                      <code>{endpoint}</code>{' '}
                      <span className="endpoint-note">{served ? 'in sandbox' : 'not in sandbox'}</span>
                    </li>
                  );
                })}
              </ul>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
