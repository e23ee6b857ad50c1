import type { Recorded } from '@ticketing/event-store';
import type { Database, Projection } from '@ticketing/read-store';
import type { Transaction } from 'kysely';
import type { UserRegistered } from '../domain/user.events';
import './users.table';

/** The directory of users: who they are and their role; never their password hash. */
export const usersProjection: Projection = {
  name: 'identity-users',
  handles: ['UserRegistered'],
  tables: ['identity_users'],
  async apply(trx, event) {
    if (event.type === 'UserRegistered') await insertUser(trx, event as Recorded<UserRegistered>);
  },
};

export async function insertUser(trx: Transaction<Database>, event: Recorded<UserRegistered>): Promise<void> {
  const { userId, email, displayName, role, registeredAt } = event.data;
  await trx
    .insertInto('identity_users')
    .values({ id: userId, email, display_name: displayName, role, registered_at: new Date(registeredAt) })
    // A sign-up that recorded its user only after its abandoned e-mail claim was taken over has no claim: the account
    // that holds the claim keeps the address here, and the latecomer, who cannot log in, is left out.
    .onConflict((conflict) => conflict.column('email').doNothing())
    .execute();
}
