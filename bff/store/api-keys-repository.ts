import type { Db } from './db.js';
import type { ApiKeyRecord } from './records.js';

export type ApiKeysRepository = ReturnType<typeof createApiKeysRepository>;

export function createApiKeysRepository(db: Db) {
  const byHash = new Map<string, ApiKeyRecord>();
  const byUser = new Map<string, ApiKeyRecord[]>();
  const index = (key: ApiKeyRecord) => {
    byHash.set(key.hash, key);
    if (!key.userId) return;
    const list = byUser.get(key.userId);
    if (list) list.push(key);
    else byUser.set(key.userId, [key]);
  };
  db.data.apiKeys.forEach(index);

  return {
    findByHash: (hash: string) => byHash.get(hash),
    findById: (id: string) => db.find('apiKeys', id),
    listByUser: (userId: string): readonly ApiKeyRecord[] => byUser.get(userId) ?? [],
    insert(key: ApiKeyRecord) {
      db.data.apiKeys.push(key);
      index(key);
      db.markDirty('apiKeys', key);
    },
    /** After changing a key in place (lastUsedAt, revokedAt): the next commit writes it. */
    save(key: ApiKeyRecord) {
      db.markDirty('apiKeys', key);
    },
  };
}
