import type { ScopeAccess } from '../../shared/scopes.js';

const LABELS: Record<ScopeAccess, { text: string; hint: string }> = {
  read: { text: 'Read', hint: 'Can only look at data' },
  write: { text: 'Write', hint: 'Can change data or act in your name' },
  money: { text: 'Money', hint: 'Can record payments or change whether an invoice is paid' },
};

/** The read / write / money marker shown next to every scope. */
export function AccessBadge({ access }: { access: ScopeAccess }) {
  const { text, hint } = LABELS[access];
  return (
    <span className={`badge badge-${access}`} title={hint}>
      {text}
    </span>
  );
}
