import type { Db } from './db.js';
import type { SessionRecord } from './records.js';
import { removeWhere } from './remove-where.js';

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;

export function createSessionsRepository(db: Db) {
  return {
    findByHash: (idHash: string) => db.find('sessions', idHash),
    insert(session: SessionRecord) {
      db.data.sessions.push(session);
      db.markDirty('sessions', session);
    },
    remove(idHash: string) {
      if (!db.find('sessions', idHash)) return;
      removeWhere(db, 'sessions', (s) => s.idHash === idHash);
    },
    /** Returns how many were removed. */
    pruneExpired: (nowIso: string) => removeWhere(db, 'sessions', (s) => s.expiresAt <= nowIso),
  };
}
