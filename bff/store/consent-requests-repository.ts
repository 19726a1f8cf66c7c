import type { Db } from './db.js';
import type { ConsentRequestRecord } from './records.js';

export type ConsentRequestsRepository = ReturnType<typeof createConsentRequestsRepository>;

export function createConsentRequestsRepository(db: Db) {
  const byId = new Map<string, ConsentRequestRecord>(db.data.consentRequests.map((c) => [c.id, c]));

  return {
    findById: (id: string) => byId.get(id),
    listDecidedByUser: (userId: string) =>
      db.data.consentRequests.filter((c) => c.userId === userId && c.status !== 'pending'),
    insert(request: ConsentRequestRecord) {
      db.data.consentRequests.push(request);
      byId.set(request.id, request);
    },
    /** Pending requests past their expiry never produced anything; drop them. */
    pruneExpiredPending(nowIso: string) {
      const before = db.data.consentRequests.length;
      db.data.consentRequests = db.data.consentRequests.filter(
        (c) => c.status !== 'pending' || c.expiresAt > nowIso || !byId.delete(c.id),
      );
      return before - db.data.consentRequests.length;
    },
  };
}
