import type { Recorded } from '@ticketing/event-store';
import type { Database, Projection } from '@ticketing/read-store';
import type { Transaction } from 'kysely';
import type { AccessCodeCreated } from '../domain/ticket-type.events';

/** Which ticket types each access code unlocks, so a listing can show invitees what their code opens. */
export const accessCodeProjection: Projection = {
  name: 'catalog-access-codes',
  handles: ['AccessCodeCreated'] satisfies AccessCodeCreated['type'][],
  tables: ['catalog_access_codes'],
  apply: (trx, event) => insertAccessCode(trx, event as Recorded<AccessCodeCreated>),
};

export async function insertAccessCode(
  trx: Transaction<Database>,
  event: Recorded<AccessCodeCreated>,
): Promise<void> {
  const { eventId, code, ticketTypeIds, createdBy, createdAt } = event.data;
  await trx
    .insertInto('catalog_access_codes')
    .values(
      ticketTypeIds.map((ticketTypeId) => ({
        event_id: eventId,
        code,
        ticket_type_id: ticketTypeId,
        created_by: createdBy,
        created_at: new Date(createdAt),
      })),
    )
    .execute();
}
