import type { Db } from './db.js';
import type { AuthorizationCodeRecord } from './records.js';
import { removeWhere } from './remove-where.js';

export type AuthorizationCodesRepository = ReturnType<typeof createAuthorizationCodesRepository>;

export function createAuthorizationCodesRepository(db: Db) {
  return {
    findByHash: (hash: string) => db.find('authorizationCodes', hash),
    insert(code: AuthorizationCodeRecord) {
      db.data.authorizationCodes.push(code);
      db.markDirty('authorizationCodes', code);
    },
    /** After changing a code in place (usedAt, keyId): the next commit writes it. */
    save(code: AuthorizationCodeRecord) {
      db.markDirty('authorizationCodes', code);
    },
    /** Drops codes whose expiry is before `cutoffIso`. */
    pruneExpiredBefore: (cutoffIso: string) =>
      removeWhere(db, 'authorizationCodes', (c) => c.expiresAt <= cutoffIso),
  };
}
