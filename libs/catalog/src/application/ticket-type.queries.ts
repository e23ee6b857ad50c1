import { notFound } from '@ticketing/platform/domain';
import type { Database } from '@ticketing/read-store';
import type { Kysely, Selectable } from 'kysely';
import { normaliseAccessCode } from '../domain/access-code';
import { type Actor, managesEvent } from '../domain/event.decider';
import { TicketTypeStatus } from '../domain/ticket-type-status';
import { isShownToBuyer } from '../domain/ticket-type-visibility';
import type { CatalogTicketTypesTable } from '../projections/catalog-ticket-types.table';
import { findInventoryByTicketTypes } from '../projections/inventory';
import { type EventView, findVisibleEvent } from './event.queries';
import { showingOf, type TicketTypeView, toTicketTypeView } from './ticket-type-view';

/** Who is looking, and with which access code. */
export interface TicketTypeViewer {
  viewer: Actor | null;
  accessCode?: string | null;
}

export interface AccessCodeView {
  eventId: string;
  code: string;
  ticketTypeIds: string[];
  createdBy: string;
  createdAt: Date;
}

/**
 * An event's ticket types as `viewer` may see them at `now`, in creation order; undefined when the event itself is
 * hidden from them. Its organizer and the admins see every one that is not deleted.
 *
 * @example
 * const forBuyer = await listVisibleTicketTypes(db, eventId, { viewer: null, accessCode: 'FRIENDS' }, clock.now());
 */
export async function listVisibleTicketTypes(
  db: Kysely<Database>,
  eventId: string,
  { viewer, accessCode }: TicketTypeViewer,
  now: Date,
): Promise<TicketTypeView[] | undefined> {
  const event = await findVisibleEvent(db, eventId, viewer);
  if (!event) return undefined;
  const rows = await db
    .selectFrom('catalog_ticket_types')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', '!=', TicketTypeStatus.DELETED)
    .orderBy('position')
    .execute();
  return shownTo(db, rows, event, { viewer, accessCode }, now);
}

/** The ticket type, or undefined when it does not exist, is deleted, or `viewer` may not see it now. */
export async function findVisibleTicketType(
  db: Kysely<Database>,
  ticketTypeId: string,
  { viewer, accessCode }: TicketTypeViewer,
  now: Date,
): Promise<TicketTypeView | undefined> {
  const row = await db
    .selectFrom('catalog_ticket_types')
    .selectAll()
    .where('id', '=', ticketTypeId)
    .where('status', '!=', TicketTypeStatus.DELETED)
    .executeTakeFirst();
  const event = row && (await findVisibleEvent(db, row.event_id, viewer));
  if (!row || !event) return undefined;
  const [view] = await shownTo(db, [row], event, { viewer, accessCode }, now);
  return view;
}

/**
 * The event a ticket type belongs to, for commands that name only the ticket type. A ticket type never moves to
 * another event, so the read model answers as well as the log; deleted ones included, for the decider to refuse.
 */
export async function requireTicketTypeEventId(db: Kysely<Database>, ticketTypeId: string): Promise<string> {
  const row = await db
    .selectFrom('catalog_ticket_types')
    .select('event_id')
    .where('id', '=', ticketTypeId)
    .executeTakeFirst();
  if (!row) throw notFound('Ticket type', ticketTypeId);
  return row.event_id;
}

export async function findAccessCode(
  db: Kysely<Database>,
  eventId: string,
  code: string,
): Promise<AccessCodeView | undefined> {
  const rows = await db
    .selectFrom('catalog_access_codes')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('code', '=', normaliseAccessCode(code))
    .orderBy('ticket_type_id')
    .execute();
  if (rows.length === 0) return undefined;
  const [{ created_by, created_at }] = rows;
  return {
    eventId,
    code: rows[0].code,
    ticketTypeIds: rows.map((row) => row.ticket_type_id),
    createdBy: created_by,
    createdAt: created_at,
  };
}

async function shownTo(
  db: Kysely<Database>,
  rows: Selectable<CatalogTicketTypesTable>[],
  event: EventView,
  { viewer, accessCode }: TicketTypeViewer,
  now: Date,
): Promise<TicketTypeView[]> {
  const unlocked = managesEvent(event, viewer) ? undefined : await unlockedBy(db, event.id, accessCode);
  const shown = unlocked ? rows.filter((row) => isShownToBuyer(showingOf(row), now, unlocked)) : rows;
  const counts = await findInventoryByTicketTypes(
    db,
    shown.map((row) => row.id),
  );
  const countsOf = new Map(counts.map((count) => [count.ticketTypeId, count]));
  return shown.map((row) => toTicketTypeView(row, countsOf.get(row.id), event, now));
}

async function unlockedBy(
  db: Kysely<Database>,
  eventId: string,
  accessCode: string | null | undefined,
): Promise<ReadonlySet<string>> {
  if (!accessCode) return new Set();
  const code = await findAccessCode(db, eventId, accessCode);
  return new Set(code?.ticketTypeIds);
}
