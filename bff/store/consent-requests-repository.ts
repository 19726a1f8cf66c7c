import type { Db } from './db.js';
import type { ConsentRequestRecord } from './records.js';
import { removeWhere } from './remove-where.js';

export type ConsentRequestsRepository = ReturnType<typeof createConsentRequestsRepository>;

export function createConsentRequestsRepository(db: Db) {
  /** Each person's decided requests (their consent history), in decision order. */
  const decidedByUser = new Map<string, Map<string, ConsentRequestRecord>>();
  const indexDecision = (request: ConsentRequestRecord) => {
    if (!request.userId || request.status === 'pending') return;
    const history = decidedByUser.get(request.userId) ?? new Map<string, ConsentRequestRecord>();
    decidedByUser.set(request.userId, history.set(request.id, request));
  };
  db.data.consentRequests.forEach(indexDecision);

  return {
    findById: (id: string) => db.find('consentRequests', id),
    listDecidedByUser: (userId: string): ConsentRequestRecord[] => [...(decidedByUser.get(userId)?.values() ?? [])],
    insert(request: ConsentRequestRecord) {
      db.data.consentRequests.push(request);
      db.markDirty('consentRequests', request);
    },
    /** After changing a request in place (its decision, keyId): the next commit writes it. */
    save(request: ConsentRequestRecord) {
      indexDecision(request);
      db.markDirty('consentRequests', request);
    },
    /** Pending requests past their expiry never produced anything; drop them. */
    pruneExpiredPending: (nowIso: string) =>
      removeWhere(db, 'consentRequests', (c) => c.status === 'pending' && c.expiresAt <= nowIso),
  };
}
