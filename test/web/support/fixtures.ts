import type { ConsentView } from '../../../shared/bff.js';
import type { ConsentRecord, KeyRow } from '../../../shared/dashboard.js';
import { findScope, type Scope } from '../../../shared/scopes.js';

export const USER = { id: 'usr_1', email: 'ana@example.com' };

export function scopes(...names: string[]): Scope[] {
  return names.map((name) => {
    const scope = findScope(name);
    if (!scope) throw new Error(`unknown scope ${name}`);
    return scope;
  });
}

export function consentView(overrides: Partial<ConsentView> = {}): ConsentView {
  const now = Date.now();
  return {
    request_id: 'req_123',
    status: 'pending',
    client_name: 'Invoice Helper',
    scopes: scopes('send', 'documents.read', 'payments'),
    redirect_host: null,
    created_at: new Date(now - 60_000).toISOString(),
    expires_at: new Date(now + 9 * 60_000).toISOString(),
    code_ttl_seconds: 300,
    ...overrides,
  };
}

export function keyRow(overrides: Partial<KeyRow> = {}): KeyRow {
  return {
    id: 'key_1',
    keyPrefix: 'flw_test_ab12',
    clientName: 'Invoice Helper',
    organizationId: 'org_sbx_1',
    scopes: ['send', 'documents.read'],
    createdAt: '2026-05-01T10:00:00.000Z',
    expiresAt: '2026-05-08T10:00:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
    status: 'active',
    consentId: 'req_123',
    ...overrides,
  };
}

/** A row of /bff/activity's consent history: by default approved in full, with its key. */
export function consentRecord(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    id: 'req_1',
    clientName: 'Invoice Helper',
    requestedScopes: ['send', 'documents.read'],
    approvedScopes: ['send', 'documents.read'],
    decision: 'approved',
    createdAt: '2026-05-05T11:58:00.000Z',
    decidedAt: '2026-05-05T12:00:00.000Z',
    redirectHost: null,
    key: { id: 'key_1', keyPrefix: 'flw_test_ab12', status: 'active' },
    ...overrides,
  };
}
