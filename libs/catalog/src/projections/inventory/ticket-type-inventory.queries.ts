import type { Database } from '@ticketing/read-store';
import { type Kysely, sql } from 'kysely';

/** A ticket type's units as the inventory last counted them. */
export interface TicketTypeInventoryView {
  ticketTypeId: string;
  capacity: number;
  held: number;
  sold: number;
  /** What a buyer can still reserve: within the type's own capacity and what its event's maxCapacity leaves. */
  available: number;
  soldOut: boolean;
}

/**
 * The counts of the ticket types asked for, in the order asked; a type the inventory has not registered yet is left
 * out. For display only: whether a unit can really be had is decided by the inventory's stream, never by this.
 *
 * @example
 * const [ga] = await findInventoryByTicketTypes(db, ['ga']);
 * ga?.available; // 12
 */
export async function findInventoryByTicketTypes(
  db: Kysely<Database>,
  ticketTypeIds: readonly string[],
): Promise<TicketTypeInventoryView[]> {
  if (ticketTypeIds.length === 0) return [];
  const rows = await db
    .selectFrom('catalog_ticket_type_inventory as inventory')
    .leftJoin('catalog_event_capacity_limits as limits', 'limits.event_id', 'inventory.event_id')
    .select([
      'inventory.ticket_type_id',
      'inventory.capacity',
      'inventory.held',
      'inventory.sold',
      'inventory.withdrawn',
      'inventory.sold_out',
      'limits.max_capacity',
    ])
    .select((eb) =>
      eb
        .selectFrom('catalog_ticket_type_inventory as sibling')
        .whereRef('sibling.event_id', '=', 'inventory.event_id')
        .select(sql<number>`coalesce(sum(sibling.held + sibling.sold), 0)::integer`.as('taken'))
        .as('event_taken'),
    )
    .where('inventory.ticket_type_id', 'in', ticketTypeIds)
    .execute();
  const byId = new Map(rows.map((row) => [row.ticket_type_id, row]));
  return ticketTypeIds.flatMap((ticketTypeId) => {
    const row = byId.get(ticketTypeId);
    if (!row) return [];
    const left = row.capacity - row.held - row.sold;
    const eventLeft = row.max_capacity === null ? left : row.max_capacity - Number(row.event_taken);
    const available = row.withdrawn ? 0 : Math.max(0, Math.min(left, eventLeft));
    return [
      {
        ticketTypeId,
        capacity: row.capacity,
        held: row.held,
        sold: row.sold,
        available,
        soldOut: row.sold_out,
      },
    ];
  });
}
