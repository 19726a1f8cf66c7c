import type { ApiKeyRecord } from '../../../bff/store/records.js';

/** The i-th API key record of a store test: ids sort in insertion order; fields as a minted key has them. */
export function apiKeyRecord(i: number, overrides: Partial<ApiKeyRecord> = {}): ApiKeyRecord {
  return {
    id: `key_${String(i).padStart(8, '0')}`,
    hash: `hash_${i}`,
    prefix: `flw_test_${i}`,
    keyType: 'personal',
    organizationId: 'org_1',
    scopes: ['documents.read'],
    clientName: 'Agent',
    userId: null,
    consentId: null,
    createdAt: '2026-12-03T10:00:00.000Z',
    expiresAt: '2026-12-10T10:00:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
    revokedBy: null,
    ...overrides,
  };
}
