import type { Database } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import type { RevocationReason } from '../domain/qr-revocation';
import '../projections/ticketing-revocations.table';

export interface RevocationView {
  sequence: number;
  ticketId: string;
  /** QR codes of the ticket signed for this version or an earlier one no longer admit. */
  qrVersion: number;
  reason: RevocationReason;
  revokedAt: Date;
}

export interface RevocationFeed {
  revocations: RevocationView[];
  /** Pass it as `after` next time: the last sequence number seen, or `after` itself when nothing was new. */
  cursor: number;
  /** More are waiting: pull again at once rather than at the next interval. */
  hasMore: boolean;
}

/**
 * An event's revocations after sequence number `after` (0 for all), oldest first.
 *
 * @example
 * let cursor = 0;
 * const feed = await listTicketRevocations(db, eventId, { after: cursor, first: 200 });
 * cursor = feed.cursor;
 */
export async function listTicketRevocations(
  db: Kysely<Database>,
  eventId: string,
  page: { after: number; first: number },
): Promise<RevocationFeed> {
  const rows = await db
    .selectFrom('ticketing_revocations')
    .select([
      'sequence',
      'ticket_id as ticketId',
      'qr_version as qrVersion',
      'reason',
      'revoked_at as revokedAt',
    ])
    .where('event_id', '=', eventId)
    .where('sequence', '>', page.after)
    .orderBy('sequence')
    .limit(page.first + 1)
    .execute();
  const revocations = rows.slice(0, page.first);
  return {
    revocations,
    cursor: revocations.at(-1)?.sequence ?? page.after,
    hasMore: rows.length > page.first,
  };
}
