import type { Db } from './db.js';
import type { AuditEventRecord } from './records.js';

export type AuditEventsRepository = ReturnType<typeof createAuditEventsRepository>;

export function createAuditEventsRepository(db: Db) {
  const byUser = new Map<string, AuditEventRecord[]>();
  const index = (event: AuditEventRecord) => {
    if (!event.userId) return;
    const list = byUser.get(event.userId);
    if (list) list.push(event);
    else byUser.set(event.userId, [event]);
  };
  db.data.auditEvents.forEach(index);

  return {
    listByUser: (userId: string): readonly AuditEventRecord[] => byUser.get(userId) ?? [],
    insert(event: AuditEventRecord) {
      db.data.auditEvents.push(event);
      index(event);
      db.markDirty('auditEvents', event);
    },
  };
}
