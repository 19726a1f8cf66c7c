import type { Db } from './db.js';
import { createApiKeysRepository } from './api-keys-repository.js';
import { createAuditEventsRepository } from './audit-events-repository.js';
import { createAuthorizationCodesRepository } from './authorization-codes-repository.js';
import { createConsentRequestsRepository } from './consent-requests-repository.js';
import { createOrganizationsRepository } from './organizations-repository.js';
import { createSessionsRepository } from './sessions-repository.js';
import { createUsersRepository } from './users-repository.js';

export type Repositories = ReturnType<typeof createRepositories>;

export function createRepositories(db: Db) {
  return {
    users: createUsersRepository(db),
    sessions: createSessionsRepository(db),
    organizations: createOrganizationsRepository(db),
    apiKeys: createApiKeysRepository(db),
    consentRequests: createConsentRequestsRepository(db),
    authorizationCodes: createAuthorizationCodesRepository(db),
    auditEvents: createAuditEventsRepository(db),
  };
}
