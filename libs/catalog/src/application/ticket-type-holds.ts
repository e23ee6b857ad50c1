import type { Database } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { saleStatusAt } from '../domain/ticket-type-sale-status';
import { TicketTypeStatus } from '../domain/ticket-type-status';
import { findVisibleEvent } from './event.queries';
import type { TicketTypeView } from './ticket-type-view';

/**
 * Whether a ticket type takes new holds at `now`, leaving its stock out. The read model's sold-out flag lags the
 * log both ways (an expired hold frees units before the projection sees it), and only the inventory's stream may
 * refuse units, with SOLD_OUT; so whoever is about to reserve asks this, then the inventory.
 *
 * @example
 * const view = await findVisibleTicketType(db, ticketTypeId, { viewer: null }, now);
 * const sells = view && (await takesHoldsAt(db, view, now));
 */
export async function takesHoldsAt(db: Kysely<Database>, view: TicketTypeView, now: Date): Promise<boolean> {
  const event = await findVisibleEvent(db, view.eventId, null);
  if (!event) return false;
  const status = view.status === TicketTypeStatus.SOLD_OUT ? TicketTypeStatus.ACTIVE : view.status;
  const { salesStartsAt, salesEndsAt } = view;
  const situation = {
    eventStatus: event.status,
    timeZone: event.timeZone,
    status,
    salesStartsAt,
    salesEndsAt,
  };
  return saleStatusAt(situation, now).isOnSale;
}
