import { randomBase62 } from '../crypto.js';
import { iso } from '../clock.js';
import type { ServiceContext } from '../context.js';
import { scrubKeys, type Logger } from '../logger.js';
import type { AuditEventRecord } from '../store/records.js';

export type AuditEventType =
  | 'consent.requested'
  | 'consent.approved'
  | 'consent.denied'
  | 'key.minted'
  | 'key.revoked'
  | 'code.replay_detected'
  | 'account.created'
  | 'account.sign_in_failed'
  | 'account.signed_in';

type AuditInput = Partial<Pick<AuditEventRecord, 'userId' | 'organizationId' | 'keyId' | 'consentId'>> & {
  actor: string;
  detail?: Record<string, string>;
};

/**
 * Audit lines skip the redaction pass (a selective clone of every line): an event has fixed fields and
 * a detail of names, scopes and key prefixes, never a secret (test/integration/hardening checks the
 * whole log of a flow for keys, codes, verifiers, passwords and cookies).
 */
const auditLoggers = new WeakMap<Logger, Logger>();
function auditLogger(logger: Logger): Logger {
  let child = auditLoggers.get(logger);
  if (!child) auditLoggers.set(logger, (child = logger.child({}, { redact: [] })));
  return child;
}

/** Appends an audit event; the caller's commit makes it durable together with the change it records. */
export function recordAudit(ctx: ServiceContext, type: AuditEventType, input: AuditInput): AuditEventRecord {
  const event: AuditEventRecord = {
    id: `evt_${randomBase62(20)}`,
    at: iso(ctx.clock()),
    type,
    actor: input.actor,
    userId: input.userId ?? null,
    organizationId: input.organizationId ?? null,
    keyId: input.keyId ?? null,
    consentId: input.consentId ?? null,
    detail: input.detail ?? {},
  };
  ctx.repos.auditEvents.insert(event);
  const detail = Object.fromEntries(Object.entries(event.detail).map(([k, v]) => [k, scrubKeys(v)]));
  auditLogger(ctx.logger).info({ audit: { ...event, detail } }, `audit ${type}`);
  return event;
}

/** A sentence a person can read on /activity. */
export function describeAuditEvent(event: AuditEventRecord): string {
  const d = event.detail;
  switch (event.type) {
    case 'consent.approved':
      return `You approved ${d.clientName ?? 'an agent'} for ${d.scopes ?? 'no scopes'}.`;
    case 'consent.denied':
      return `You denied ${d.clientName ?? 'an agent'}.`;
    case 'key.minted':
      return `Key ${d.keyPrefix ?? ''}… was issued to ${d.clientName ?? 'an agent'}.`;
    case 'key.revoked':
      return `Key ${d.keyPrefix ?? ''}… was revoked ${d.by === 'owner' ? 'by you' : d.by === 'replay' ? 'because its code was used twice' : 'by the agent'}.`;
    case 'code.replay_detected':
      return `An authorization code for ${d.clientName ?? 'an agent'} was used a second time; the key it produced was revoked.`;
    case 'account.created':
      return 'Your account was created.';
    case 'account.signed_in':
      return 'You signed in.';
    case 'account.sign_in_failed':
      return d.reason === 'locked'
        ? 'A sign-in was refused because the account is locked after too many wrong passwords.'
        : 'A sign-in with a wrong password was refused.';
    default:
      return event.type;
  }
}
