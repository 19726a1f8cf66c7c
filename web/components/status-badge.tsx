const LABELS: Record<string, string> = {
  active: 'Active',
  revoked: 'Revoked',
  expired: 'Expired',
  approved: 'Approved',
  denied: 'Denied',
};

/** A key status or a consent decision, as a small coloured word (never colour alone). */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`status status-${status}`}>{LABELS[status] ?? status}</span>;
}
