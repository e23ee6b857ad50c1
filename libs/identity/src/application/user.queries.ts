import type { Database } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import '../projections/users.table';

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  role: string;
  registeredAt: Date;
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserView | undefined> {
  return db
    .selectFrom('identity_users')
    .select(['id', 'email', 'display_name as displayName', 'role', 'registered_at as registeredAt'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findUsersByIds(db: Kysely<Database>, ids: readonly string[]): Promise<UserView[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('identity_users')
    .select(['id', 'email', 'display_name as displayName', 'role', 'registered_at as registeredAt'])
    .where('id', 'in', ids)
    .execute();
}
