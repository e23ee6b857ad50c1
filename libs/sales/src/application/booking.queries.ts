import type { Database } from '@ticketing/read-store';
import type { Kysely, Selectable } from 'kysely';
import type { BookingAmounts } from '../domain/booking/booking-pricing';
import type { BookingStatus } from '../domain/booking/booking-status';
import type { SalesBookingsTable } from '../projections/sales-bookings.table';
import { decodeBookingCursor, encodeBookingCursor } from './booking-cursor';

export interface BookingLineView {
  ticketTypeId: string;
  ticketTypeName: string;
  quantity: number;
  unitPrice: number;
  subtotal: number;
  discount: number;
  total: number;
}

export interface BookingStatusChangeView {
  previousStatus: BookingStatus | null;
  status: BookingStatus;
  changedAt: Date;
}

export interface BookingRecordView {
  id: string;
  eventId: string;
  /** Null for a guest's booking. */
  buyerUserId: string | null;
  status: BookingStatus;
  items: BookingLineView[];
  amounts: BookingAmounts;
  expiresAt: Date;
  placedAt: Date;
  statusHistory: BookingStatusChangeView[];
}

export interface BookingsPage {
  first: number;
  /** The `endCursor` of the previous page. */
  after?: string;
}

export interface BookingConnection {
  edges: { cursor: string; node: BookingRecordView }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export async function findBookingById(
  db: Kysely<Database>,
  id: string,
): Promise<BookingRecordView | undefined> {
  const row = await db.selectFrom('sales_bookings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [view] = await withDetails(db, [row]);
  return view;
}

/**
 * A signed-in buyer's bookings, newest first, a page at a time.
 *
 * @example
 * const page = await listBuyerBookings(db, userId, { first: 20 });
 * const next = await listBuyerBookings(db, userId, { first: 20, after: page.pageInfo.endCursor });
 */
export async function listBuyerBookings(
  db: Kysely<Database>,
  userId: string,
  page: BookingsPage,
): Promise<BookingConnection> {
  return pageOf(db, page, { buyer_user_id: userId });
}

/** An event's bookings, newest first, only those in `status` when it is given. */
export async function listEventBookings(
  db: Kysely<Database>,
  eventId: string,
  status: BookingStatus | null,
  page: BookingsPage,
): Promise<BookingConnection> {
  return pageOf(db, page, status === null ? { event_id: eventId } : { event_id: eventId, status });
}

type BookingFilter = Partial<Pick<SalesBookingsTable, 'buyer_user_id' | 'event_id' | 'status'>>;

async function pageOf(
  db: Kysely<Database>,
  page: BookingsPage,
  filter: BookingFilter,
): Promise<BookingConnection> {
  const after = page.after === undefined ? undefined : decodeBookingCursor(page.after);
  let query = db
    .selectFrom('sales_bookings')
    .selectAll()
    .orderBy('placed_at', 'desc')
    .orderBy('id', 'desc')
    // One more than asked tells whether another page follows without counting.
    .limit(page.first + 1);
  for (const [column, value] of Object.entries(filter) as [keyof BookingFilter, string][]) {
    query = query.where(column, '=', value);
  }
  if (after) {
    query = query.where(({ eb, refTuple, tuple }) =>
      eb(refTuple('placed_at', 'id'), '<', tuple(after.placedAt, after.id)),
    );
  }
  const rows = await query.execute();
  const nodes = await withDetails(db, rows.slice(0, page.first));
  const edges = nodes.map((node) => ({
    cursor: encodeBookingCursor({ placedAt: node.placedAt, id: node.id }),
    node,
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** Reads the lines and status history of all `rows` in two queries, whatever their number. */
async function withDetails(
  db: Kysely<Database>,
  rows: Selectable<SalesBookingsTable>[],
): Promise<BookingRecordView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const items = await db
    .selectFrom('sales_booking_items')
    .selectAll()
    .where('booking_id', 'in', ids)
    .orderBy('booking_id')
    .orderBy('position')
    .execute();
  const changes = await db
    .selectFrom('sales_booking_status_history')
    .selectAll()
    .where('booking_id', 'in', ids)
    .orderBy('booking_id')
    .orderBy('revision')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    eventId: row.event_id,
    buyerUserId: row.buyer_user_id,
    status: row.status,
    items: items
      .filter((item) => item.booking_id === row.id)
      .map((item) => ({
        ticketTypeId: item.ticket_type_id,
        ticketTypeName: item.ticket_type_name,
        quantity: item.quantity,
        unitPrice: item.unit_price,
        subtotal: item.subtotal,
        discount: item.discount,
        total: item.total,
      })),
    amounts: { subtotal: row.subtotal, discount: row.discount, total: row.total, currency: row.currency },
    expiresAt: row.expires_at,
    placedAt: row.placed_at,
    statusHistory: changes
      .filter((change) => change.booking_id === row.id)
      .map((change) => ({
        previousStatus: change.previous_status,
        status: change.status,
        changedAt: change.changed_at,
      })),
  }));
}
