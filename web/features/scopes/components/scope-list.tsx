import type { Scope } from '../../../../shared/scopes.js';
import { ScopeOptions } from '../../../components/scope-options.js';
import { servedBySandbox } from '../sandbox.js';

interface ScopeListProps {
  scopes: readonly Scope[];
  selected: ReadonlySet<string>;
  onToggle: (name: string, checked: boolean) => void;
}

function Endpoints({ scope }: { scope: Scope }) {
  return (
    <ul className="endpoint-list" aria-label={`Endpoints unlocked by ${scope.name}`}>
      {scope.endpoints.map((endpoint) => {
        const served = servedBySandbox(endpoint);
        return (
          <li key={endpoint} className={served ? 'endpoint endpoint-served' : 'endpoint endpoint-elsewhere'}>
            <code>{endpoint}</code> <span className="endpoint-note">{served ? 'in sandbox' : 'not in sandbox'}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** The catalogue: the scope checkboxes, each with the endpoints it unlocks, marked as served here or not. */
export function ScopeList({ scopes, selected, onToggle }: ScopeListProps) {
  return (
    <ScopeOptions
      className="scope-catalogue"
      scopes={scopes}
      selected={selected}
      onToggle={onToggle}
      details={(scope) => <Endpoints scope={scope} />}
    />
  );
}
