import { RequestBatches } from '@ticketing/platform';
import type { Database } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { EventStatus } from '../domain/event.decider';
import type { Money, PricingType, SalesChannel } from '../domain/ticket-type-details';
import { saleStatusAt } from '../domain/ticket-type-sale-status';
import { TicketTypeStatus } from '../domain/ticket-type-status';
import { isShownToBuyer } from '../domain/ticket-type-visibility';
import { findAccessCode } from './ticket-type.queries';
import { moneyOf, showingOf } from './ticket-type-view';

/** A ticket type's terms as a buyer about to reserve it sees them. */
export interface BookableTicketType {
  id: string;
  eventId: string;
  name: string;
  pricingType: PricingType;
  price: Money | null;
  minimumDonation: Money | null;
  salesChannel: SalesChannel;
  minPerOrder: number;
  maxPerOrder: number;
  maxPerUser: number;
  /** Whether it takes new holds at `now`, its stock left out. */
  takesHolds: boolean;
}

/**
 * Ticket types as a buyer about to reserve them sees them. Their stock is left out: the read model's sold-out flag
 * lags the log both ways (an expired hold frees units before the projection sees it), and only the inventory's stream
 * may refuse units, with SOLD_OUT; so whoever is about to reserve asks this, then the inventory.
 *
 * In a rush every booking asks for the same few types, so the lookups made while others are in the database share one
 * query (see `RequestBatches`); an access code's grants are read apart, as only some bookings carry one.
 *
 * @example
 * const ticketTypes = new BookableTicketTypes(db);
 * const terms = await ticketTypes.find(ticketTypeId, 'FRIENDS', clock.now());
 * if (terms?.takesHolds) await hotStreams.execute(inventoryDecider, ...);
 */
export class BookableTicketTypes {
  private readonly rows: RequestBatches<string, BookableRow | undefined>;

  constructor(private readonly db: Kysely<Database>) {
    this.rows = new RequestBatches({
      maxInFlight: 2,
      maxBatchSize: 256,
      runOne: async (ticketTypeId) => (await selectBookableRows(db, [ticketTypeId]))[0],
      runMany: async (ticketTypeIds) => {
        const found = new Map(
          (await selectBookableRows(db, [...new Set(ticketTypeIds)])).map((row) => [row.id, row]),
        );
        return ticketTypeIds.map((ticketTypeId) => found.get(ticketTypeId));
      },
    });
  }

  /**
   * The ticket type as any buyer with `accessCode` sees it at `now`, or undefined when it does not exist, is deleted,
   * or is hidden from them, exactly as `findVisibleTicketType` for a viewer who is not signed in.
   */
  async find(
    ticketTypeId: string,
    accessCode: string | null,
    now: Date,
  ): Promise<BookableTicketType | undefined> {
    const row = await this.rows.request(ticketTypeId);
    if (!row) return undefined;
    const unlocked = accessCode ? await findAccessCode(this.db, row.event_id, accessCode) : undefined;
    if (!isShownToBuyer(showingOf(row), now, new Set(unlocked?.ticketTypeIds))) return undefined;
    const sale = saleStatusAt(
      {
        eventStatus: row.event_status,
        timeZone: row.event_time_zone,
        status: row.status,
        salesStartsAt: row.sales_starts_at,
        salesEndsAt: row.sales_ends_at,
      },
      now,
    );
    return {
      id: row.id,
      eventId: row.event_id,
      name: row.name,
      pricingType: row.pricing_type,
      price: moneyOf(row.price_amount, row.price_currency),
      minimumDonation: moneyOf(row.minimum_donation_amount, row.minimum_donation_currency),
      salesChannel: row.sales_channel,
      minPerOrder: row.min_per_order,
      maxPerOrder: row.max_per_order,
      maxPerUser: row.max_per_user,
      takesHolds: sale.isOnSale,
    };
  }
}

type BookableRow = Awaited<ReturnType<typeof selectBookableRows>>[number];

/** The types among `ticketTypeIds` a buyer may ever see, with their events: none deleted, none of a draft event. */
function selectBookableRows(db: Kysely<Database>, ticketTypeIds: string[]) {
  return db
    .selectFrom('catalog_ticket_types as t')
    .innerJoin('catalog_events as e', 'e.id', 't.event_id')
    .select([
      't.id',
      't.event_id',
      't.name',
      't.pricing_type',
      't.price_amount',
      't.price_currency',
      't.minimum_donation_amount',
      't.minimum_donation_currency',
      't.sales_channel',
      't.sales_starts_at',
      't.sales_ends_at',
      't.min_per_order',
      't.max_per_order',
      't.max_per_user',
      't.visibility',
      't.visibility_starts_at',
      't.visibility_ends_at',
      't.access',
      't.status',
      'e.status as event_status',
      'e.time_zone as event_time_zone',
    ])
    .where('t.id', 'in', ticketTypeIds)
    .where('t.status', '!=', TicketTypeStatus.DELETED)
    .where('e.status', '!=', EventStatus.DRAFT)
    .execute();
}
