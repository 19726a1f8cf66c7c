import type { ScopeName } from '../../shared/scopes.js';

/** What the data file holds. Stored records are camelCase; timestamps are ISO strings. */
export interface UserRecord {
  id: string;
  email: string;
  passwordHash: string;
  createdAt: string;
}

export interface SessionRecord {
  /** SHA-256 of the cookie value; the cookie itself is never stored. */
  idHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface OrganizationRecord {
  id: string;
  label: string | null;
  source: 'bootstrap' | 'consent';
  userId: string | null;
  consentId: string | null;
  createdAt: string;
}

export interface CompanyRecord {
  id: string;
  organizationId: string;
  peppolId: string;
  vatNumber: string;
  name: string;
  country: 'BE';
}

export interface ApiKeyRecord {
  id: string;
  /** SHA-256 of the key; the key itself is shown once and never stored. */
  hash: string;
  prefix: string;
  keyType: 'personal';
  organizationId: string;
  scopes: ScopeName[];
  clientName: string;
  userId: string | null;
  consentId: string | null;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

export type ConsentStatus = 'pending' | 'approved' | 'denied';

export interface ConsentRequestRecord {
  id: string;
  clientName: string;
  requestedScopes: ScopeName[];
  codeChallenge: string;
  redirectUri: string | null;
  state: string | null;
  createdAt: string;
  expiresAt: string;
  status: ConsentStatus;
  userId: string | null;
  approvedScopes: ScopeName[];
  decidedAt: string | null;
  keyId: string | null;
}

export interface AuthorizationCodeRecord {
  /** SHA-256 of the code. */
  hash: string;
  consentId: string;
  userId: string;
  scopes: ScopeName[];
  codeChallenge: string;
  redirectUri: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  keyId: string | null;
}

export interface AuditEventRecord {
  id: string;
  at: string;
  type: string;
  /** Who did it: `user:<id>`, `key:<id>`, `agent` (anonymous) or `system`. */
  actor: string;
  userId: string | null;
  organizationId: string | null;
  keyId: string | null;
  consentId: string | null;
  detail: Record<string, string>;
}

export interface Data {
  version: 1;
  users: UserRecord[];
  sessions: SessionRecord[];
  organizations: OrganizationRecord[];
  companies: CompanyRecord[];
  apiKeys: ApiKeyRecord[];
  consentRequests: ConsentRequestRecord[];
  authorizationCodes: AuthorizationCodeRecord[];
  auditEvents: AuditEventRecord[];
}

export const emptyData = (): Data => ({
  version: 1,
  users: [],
  sessions: [],
  organizations: [],
  companies: [],
  apiKeys: [],
  consentRequests: [],
  authorizationCodes: [],
  auditEvents: [],
});
