import type { Db } from './db.js';
import type { SessionRecord } from './records.js';

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
      if (!byHash.delete(idHash)) return;
      db.data.sessions = db.data.sessions.filter((s) => s.idHash !== idHash);
      db.markRemoved('sessions', idHash);
    },
    /** Returns how many were removed. */
    pruneExpired(nowIso: string) {
      const before = db.data.sessions.length;
      db.data.sessions = db.data.sessions.filter((s) => {
        if (s.expiresAt > nowIso) return true;
        byHash.delete(s.idHash);
        db.markRemoved('sessions', s.idHash);
        return false;
      });
      return before - db.data.sessions.length;
    },
  };
}
