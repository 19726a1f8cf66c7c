import type { Db } from './db.js';
import type { UserRecord } from './records.js';

export type UsersRepository = ReturnType<typeof createUsersRepository>;

export function createUsersRepository(db: Db) {
  const byEmail = new Map<string, UserRecord>(db.data.users.map((u) => [u.email, u]));

  return {
    findById: (id: string) => db.find('users', id),
    findByEmail: (email: string) => byEmail.get(email),
    insert(user: UserRecord) {
      db.data.users.push(user);
      byEmail.set(user.email, user);
      db.markDirty('users', user);
    },
  };
}
