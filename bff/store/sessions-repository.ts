import type { Db } from './db.js';
import type { SessionRecord } from './records.js';
import { removeWhere } from './remove-where.js';

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;

export function createSessionsRepository(db: Db) {
  const byHash = new Map<string, SessionRecord>(db.data.sessions.map((s) => [s.idHash, s]));

  return {
    findByHash: (idHash: string) => byHash.get(idHash),
    insert(session: SessionRecord) {
      db.data.sessions.push(session);
      byHash.set(session.idHash, session);
      db.markDirty('sessions', session);
    },
    remove(idHash: string) {
      if (!byHash.has(idHash)) return;
      removeWhere(db, 'sessions', (s) => s.idHash === idHash, (s) => byHash.delete(s.idHash));
    },
    /** Returns how many were removed. */
    pruneExpired: (nowIso: string) =>
      removeWhere(db, 'sessions', (s) => s.expiresAt <= nowIso, (s) => byHash.delete(s.idHash)),
  };
}
