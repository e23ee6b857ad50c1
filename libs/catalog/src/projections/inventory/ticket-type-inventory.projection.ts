import { type RecordedEvent, toDomainEvent } from '@ticketing/event-store';
import { applyInRuns, type Database, type Projection } from '@ticketing/read-store';
import type { Transaction } from 'kysely';
import type {
  EventCapacityLimitSet,
  InventoryEvent,
  TicketTypeCounts,
  TicketTypeInventoryRegistered,
} from '../../domain/inventory/inventory.events';

/**
 * Each ticket type's capacity, held and sold units and whether it is sold out, and each event's limit: what
 * storefronts show as "12 left" or "sold out". Every count-changing fact carries the counts it left, so this sets
 * them rather than adding deltas, and a row can never drift from the inventory's own state.
 */
export const inventoryProjection: Projection = {
  name: 'catalog-ticket-type-inventory',
  handles: [
    'TicketTypeInventoryRegistered',
    'EventCapacityLimitSet',
    'UnitsReserved',
    'ReservationReleased',
    'ReservationConfirmed',
    'ReservationReacquired',
    'UnitsSold',
    'UnitsReturned',
    'TicketTypeCapacityChanged',
    'TicketTypeWithdrawn',
    'TicketTypeSoldOut',
    'TicketTypeBackOnSale',
  ] satisfies InventoryEvent['type'][],
  tables: ['catalog_event_capacity_limits', 'catalog_ticket_type_inventory'],
  async apply(trx, recorded) {
    const change = countsChangedBy(recorded);
    if (change) return saveCounts(trx, [change]);
    const event = toDomainEvent<InventoryEvent>(recorded);
    switch (event.type) {
      case 'TicketTypeInventoryRegistered':
        return insertTicketTypeInventory(trx, event);
      case 'EventCapacityLimitSet':
        return saveEventCapacityLimit(trx, event);
      case 'TicketTypeWithdrawn':
        return saveFlags(
          trx,
          event.data.ticketTypeId,
          { withdrawn: true, sold_out: false },
          event.data.withdrawnAt,
        );
      case 'TicketTypeSoldOut':
        return saveFlags(trx, event.data.ticketTypeId, { sold_out: true }, event.data.soldOutAt);
      case 'TicketTypeBackOnSale':
        return saveFlags(trx, event.data.ticketTypeId, { sold_out: false }, event.data.backOnSaleAt);
    }
  },
  // Counts are set, not added, so of a run of count changes only each ticket type's last needs writing.
  applyMany: (trx, events) =>
    applyInRuns(
      events,
      (event) => countsChangedBy(event) !== undefined,
      (run) => saveCounts(trx, lastCountsOf(run)),
      (event) => inventoryProjection.apply(trx, event),
    ),
};

/** The counts a count-changing event left, and when. */
interface CountsChange {
  counts: TicketTypeCounts[];
  at: string;
}

/** Undefined for an event that changes no counts. */
function countsChangedBy(recorded: RecordedEvent): CountsChange | undefined {
  const event = toDomainEvent<InventoryEvent>(recorded);
  switch (event.type) {
    case 'UnitsReserved':
      return { counts: event.data.ticketTypes, at: event.data.reservedAt };
    case 'ReservationReleased':
      return { counts: event.data.ticketTypes, at: event.data.releasedAt };
    case 'ReservationConfirmed':
      return { counts: event.data.ticketTypes, at: event.data.confirmedAt };
    case 'ReservationReacquired':
      return { counts: event.data.ticketTypes, at: event.data.reacquiredAt };
    case 'UnitsSold':
      return { counts: event.data.ticketTypes, at: event.data.soldAt };
    case 'UnitsReturned':
      return { counts: event.data.ticketTypes, at: event.data.returnedAt };
    case 'TicketTypeCapacityChanged':
      return { counts: event.data.ticketTypes, at: event.data.changedAt };
    default:
      return undefined;
  }
}

function lastCountsOf(run: readonly RecordedEvent[]): CountsChange[] {
  const last = new Map<string, CountsChange>();
  for (const event of run) {
    const { counts, at } = countsChangedBy(event)!;
    for (const count of counts) last.set(count.ticketTypeId, { counts: [count], at });
  }
  return [...last.values()];
}

async function insertTicketTypeInventory(
  trx: Transaction<Database>,
  event: TicketTypeInventoryRegistered,
): Promise<void> {
  const { eventId, ticketTypeId, capacity, registeredAt } = event.data;
  await trx
    .insertInto('catalog_ticket_type_inventory')
    .values({
      ticket_type_id: ticketTypeId,
      event_id: eventId,
      capacity,
      held: 0,
      sold: 0,
      ever_sold: 0,
      withdrawn: false,
      sold_out: false,
      updated_at: new Date(registeredAt),
    })
    .execute();
}

async function saveEventCapacityLimit(
  trx: Transaction<Database>,
  event: EventCapacityLimitSet,
): Promise<void> {
  const { eventId, maxCapacity, setAt } = event.data;
  const row = { max_capacity: maxCapacity, updated_at: new Date(setAt) };
  await trx
    .insertInto('catalog_event_capacity_limits')
    .values({ event_id: eventId, ...row })
    .onConflict((conflict) => conflict.column('event_id').doUpdateSet(row))
    .execute();
}

async function saveCounts(trx: Transaction<Database>, changes: CountsChange[]): Promise<void> {
  for (const { counts, at } of changes) {
    for (const { ticketTypeId, capacity, held, sold, everSold } of counts) {
      await trx
        .updateTable('catalog_ticket_type_inventory')
        .set({ capacity, held, sold, ever_sold: everSold, updated_at: new Date(at) })
        .where('ticket_type_id', '=', ticketTypeId)
        .execute();
    }
  }
}

async function saveFlags(
  trx: Transaction<Database>,
  ticketTypeId: string,
  flags: { withdrawn?: boolean; sold_out?: boolean },
  at: string,
): Promise<void> {
  await trx
    .updateTable('catalog_ticket_type_inventory')
    .set({ ...flags, updated_at: new Date(at) })
    .where('ticket_type_id', '=', ticketTypeId)
    .execute();
}
