/** Scope names as plain chips (a key's scopes, a denied request's). */
export function ScopeChips({ scopes }: { scopes: readonly string[] }) {
  return (
    <ul className="chip-list">
      {scopes.map((scope) => (
        <li key={scope} className="chip">
          {scope}
        </li>
      ))}
    </ul>
  );
}
