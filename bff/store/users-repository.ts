import type { Db } from './db.js';
import type { UserRecord } from './records.js';

export type UsersRepository = ReturnType<typeof createUsersRepository>;

export function createUsersRepository(db: Db) {
  const byId = new Map<string, UserRecord>();
  const byEmail = new Map<string, UserRecord>();
  const index = (user: UserRecord) => {
    byId.set(user.id, user);
    byEmail.set(user.email, user);
  };
  db.data.users.forEach(index);

  return {
    findById: (id: string) => byId.get(id),
    findByEmail: (email: string) => byEmail.get(email),
    insert(user: UserRecord) {
      db.data.users.push(user);
      index(user);
      db.markDirty('users', user);
    },
  };
}
