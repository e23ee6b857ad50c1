import { toDomainEvent } from '@ticketing/event-store';
import type { Database, Projection } from '@ticketing/read-store';
import { sql, type Transaction } from 'kysely';
import { type QrRevocation, qrRevocationFor } from '../domain/qr-revocation';
import type { TicketEvent } from '../domain/ticket.events';

/**
 * The revocation feed. Sequence numbers are handed out here, in log order, by the one runner that applies this
 * projection, rather than by a database sequence: a rebuild replays the same events in the same order and so numbers
 * them the same, and a scanner's cursor stays good across it. Each batch commits its rows at once, so a reader never
 * sees number n+1 before n.
 */
export const ticketRevocationsProjection: Projection = {
  name: 'ticketing-revocations',
  handles: ['TicketTransferred', 'TicketVoided', 'TicketRefunded'] satisfies TicketEvent['type'][],
  tables: ['ticketing_revocations'],
  async apply(trx, recorded) {
    const revocation = qrRevocationFor(toDomainEvent<TicketEvent>(recorded));
    if (revocation) await appendRevocation(trx, revocation);
  },
};

export async function appendRevocation(trx: Transaction<Database>, revocation: QrRevocation): Promise<void> {
  const { last } = await trx
    .selectFrom('ticketing_revocations')
    .select(sql<number>`coalesce(max(sequence), 0)`.as('last'))
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('ticketing_revocations')
    .values({
      sequence: last + 1,
      ticket_id: revocation.ticketId,
      event_id: revocation.eventId,
      qr_version: revocation.qrVersion,
      reason: revocation.reason,
      revoked_at: new Date(revocation.revokedAt),
    })
    .execute();
}
