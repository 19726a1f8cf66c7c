import { useId, type ReactNode } from 'react';
import type { Scope } from '../../shared/scopes.js';
import { AccessBadge } from './access-badge.js';

interface ScopeOptionsProps {
  scopes: readonly Scope[];
  selected: ReadonlySet<string>;
  onToggle: (name: string, checked: boolean) => void;
  disabled?: boolean;
  className?: string;
  /** Anything shown under a scope's description (the catalogue lists endpoints there). */
  details?: (scope: Scope) => ReactNode;
}

/** One checkbox per scope; its accessible name carries the title, the scope name and the marker. */
export function ScopeOptions({ scopes, selected, onToggle, disabled = false, className, details }: ScopeOptionsProps) {
  const id = useId();
  return (
    <ul className={className ? `scope-options ${className}` : 'scope-options'}>
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
              {details?.(scope)}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
