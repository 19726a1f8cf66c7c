import type { Db } from './db.js';
import { idOf, type CollectionName, type RecordOf } from './layout.js';

/**
 * Drops every record of `collection` that `drop` selects: from the collection's array, from the
 * store's index (find) and, at the next commit, from disk. Returns how many went.
 */
export function removeWhere<C extends CollectionName>(db: Db, collection: C, drop: (record: RecordOf<C>) => boolean): number {
  const all = db.data[collection] as RecordOf<C>[];
  const kept = all.filter((record) => {
    if (!drop(record)) return true;
    db.markRemoved(collection, idOf(collection, record));
    return false;
  });
  (db.data as unknown as Record<C, RecordOf<C>[]>)[collection] = kept;
  return all.length - kept.length;
}
