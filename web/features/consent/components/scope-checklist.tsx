import { useId } from 'react';
import type { Scope } from '../../../../shared/scopes.js';
import { AccessBadge } from '../../../components/access-badge.js';

interface ScopeChecklistProps {
  scopes: readonly Scope[];
  selected: ReadonlySet<string>;
  disabled: boolean;
  onToggle: (name: string, checked: boolean) => void;
}

/** One checkbox per requested scope; its accessible name carries the title, the scope name and the marker. */
export function ScopeChecklist({ scopes, selected, disabled, onToggle }: ScopeChecklistProps) {
  const id = useId();
  return (
    <ul className="scope-options">
      {scopes.map((scope) => {
        const inputId = `${id}-${scope.name}`;
        return (
          <li key={scope.name} className={`scope-option scope-option-${scope.access}`}>
            <input
              id={inputId}
              type="checkbox"
              checked={selected.has(scope.name)}
              disabled={disabled}
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
            </div>
          </li>
        );
      })}
    </ul>
  );
}
