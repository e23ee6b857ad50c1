import type { Database } from '@ticketing/read-store';
import type { Kysely, Selectable } from 'kysely';
import type { Money } from '../domain/money';
import { normaliseEmail, type TicketHolder } from '../domain/ticket-holder';
import type { TicketKind } from '../domain/ticket-kind';
import type { TicketStatus } from '../domain/ticket-status';
import type { TicketingTicketsTable } from '../projections/ticketing-tickets.table';
import { decodeTicketCursor, encodeTicketCursor } from './ticket-cursor';

export interface TicketView {
  id: string;
  bookingId: string | null;
  eventId: string;
  ticketTypeId: string;
  kind: TicketKind;
  status: TicketStatus;
  /** Null while a door ticket waits to be sold. */
  holder: TicketHolder | null;
  heldSince: Date;
  price: Money | null;
  transferable: boolean;
  qrVersion: number;
  note: string | null;
  checkedInAt: Date | null;
  issuedAt: Date;
  updatedAt: Date;
}

/** A holder by account, or by the e-mail address the ticket was issued or transferred to. */
export type HolderRef = { userId: string } | { email: string };

export interface TicketsPage {
  first: number;
  /** The `endCursor` of the previous page. */
  after?: string;
}

export interface TicketConnection {
  edges: { cursor: string; node: TicketView }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export async function findTicketById(db: Kysely<Database>, id: string): Promise<TicketView | undefined> {
  const row = await db.selectFrom('ticketing_tickets').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toView(row);
}

/**
 * The tickets `holder` holds now, the most recently received first, a page at a time. A ticket transferred away is
 * no longer theirs.
 *
 * @example
 * const page = await listHolderTickets(db, { userId }, { first: 20 });
 * const next = await listHolderTickets(db, { userId }, { first: 20, after: page.pageInfo.endCursor });
 */
export async function listHolderTickets(
  db: Kysely<Database>,
  holder: HolderRef,
  page: TicketsPage,
): Promise<TicketConnection> {
  const after = page.after === undefined ? undefined : decodeTicketCursor(page.after);
  let query = db
    .selectFrom('ticketing_tickets')
    .selectAll()
    .orderBy('held_since', 'desc')
    .orderBy('id', 'desc')
    // One more than asked tells whether another page follows without counting.
    .limit(page.first + 1);
  query =
    'userId' in holder
      ? query.where('holder_user_id', '=', holder.userId)
      : query.where('holder_email', '=', normaliseEmail(holder.email));
  if (after) {
    query = query.where(({ eb, refTuple, tuple }) =>
      eb(refTuple('held_since', 'id'), '<', tuple(after.at, after.id)),
    );
  }
  return pageOf(await query.execute(), page, (row) => row.held_since);
}

/** Which of an event's tickets to list: all of them, or those of a kind and status (the unsold door tickets...). */
export interface EventTicketsFilter {
  kind?: TicketKind;
  status?: TicketStatus;
}

/**
 * An event's tickets, the most recently issued first, a page at a time: for its organizer, and for door staff picking
 * an unsold door ticket. Ordered by issue rather than by holder, so a sale at the door does not move a ticket across
 * pages while someone pages through.
 *
 * @example
 * const unsold = await listEventTickets(db, eventId, { kind: 'DOOR', status: 'UNACTIVATED' }, { first: 50 });
 */
export async function listEventTickets(
  db: Kysely<Database>,
  eventId: string,
  filter: EventTicketsFilter,
  page: TicketsPage,
): Promise<TicketConnection> {
  const after = page.after === undefined ? undefined : decodeTicketCursor(page.after);
  let query = db
    .selectFrom('ticketing_tickets')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('issued_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.first + 1);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (after) {
    query = query.where(({ eb, refTuple, tuple }) =>
      eb(refTuple('issued_at', 'id'), '<', tuple(after.at, after.id)),
    );
  }
  return pageOf(await query.execute(), page, (row) => row.issued_at);
}

/** The tickets of `ids` in that order; one the read model does not have yet is left out. */
export async function findTicketsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<TicketView[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('ticketing_tickets').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, toView(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A booking's tickets in the order they were issued, whatever became of them. */
export async function listBookingTickets(db: Kysely<Database>, bookingId: string): Promise<TicketView[]> {
  const rows = await db
    .selectFrom('ticketing_tickets')
    .selectAll()
    .where('booking_id', '=', bookingId)
    .orderBy('issued_at')
    .orderBy('id')
    .execute();
  return rows.map(toView);
}

/** The tickets of each of `bookingIds` in one read, for pages of bookings that show their tickets. */
export async function listTicketsOfBookings(
  db: Kysely<Database>,
  bookingIds: readonly string[],
): Promise<Map<string, TicketView[]>> {
  const byBooking = new Map<string, TicketView[]>(bookingIds.map((id) => [id, []]));
  if (bookingIds.length === 0) return byBooking;
  const rows = await db
    .selectFrom('ticketing_tickets')
    .selectAll()
    .where('booking_id', 'in', bookingIds)
    .orderBy('issued_at')
    .orderBy('id')
    .execute();
  for (const row of rows) byBooking.get(row.booking_id!)?.push(toView(row));
  return byBooking;
}

/** Rows fetched one beyond the page tell whether another page follows, without counting. */
function pageOf(
  rows: Selectable<TicketingTicketsTable>[],
  page: TicketsPage,
  orderedBy: (row: Selectable<TicketingTicketsTable>) => Date,
): TicketConnection {
  const edges = rows.slice(0, page.first).map((row) => ({
    cursor: encodeTicketCursor({ at: orderedBy(row), id: row.id }),
    node: toView(row),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

function toView(row: Selectable<TicketingTicketsTable>): TicketView {
  return {
    id: row.id,
    bookingId: row.booking_id,
    eventId: row.event_id,
    ticketTypeId: row.ticket_type_id,
    kind: row.kind,
    status: row.status,
    holder:
      row.holder_email === null
        ? null
        : { userId: row.holder_user_id, email: row.holder_email, name: row.holder_name! },
    heldSince: row.held_since,
    price: row.price_amount === null ? null : { amount: row.price_amount, currency: row.price_currency! },
    transferable: row.transferable,
    qrVersion: row.qr_version,
    note: row.note,
    checkedInAt: row.checked_in_at,
    issuedAt: row.issued_at,
    updatedAt: row.updated_at,
  };
}
