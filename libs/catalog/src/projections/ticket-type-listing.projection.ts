import type { Recorded } from '@ticketing/event-store';
import type { Database, Projection } from '@ticketing/read-store';
import type { Transaction, Updateable } from 'kysely';
import type { TicketTypeDetails } from '../domain/ticket-type-details';
import { TicketTypeStatus } from '../domain/ticket-type-status';
import type {
  TicketTypeCreated,
  TicketTypeEvent,
  TicketTypeInclusiveItemsChanged,
  TicketTypeSalesWindowChanged,
  TicketTypeStatusChanged,
  TicketTypeUpdated,
  TicketTypeVisibilityChanged,
} from '../domain/ticket-type.events';
import type { CatalogTicketTypesTable } from './catalog-ticket-types.table';

type Change = Exclude<TicketTypeEvent, TicketTypeCreated | { type: 'AccessCodeCreated' }>;

/** Every ticket type with its configuration and configured status: what listings and ticket-type pages read. */
export const ticketTypeListingProjection: Projection = {
  name: 'catalog-ticket-type-listing',
  handles: [
    'TicketTypeCreated',
    'TicketTypeUpdated',
    'TicketTypeVisibilityChanged',
    'TicketTypeInclusiveItemsChanged',
    'TicketTypeSalesWindowChanged',
    'TicketTypeStatusChanged',
    'TicketTypeDeleted',
  ] satisfies TicketTypeEvent['type'][],
  tables: ['catalog_ticket_types'],
  async apply(trx, event) {
    if (event.type === 'TicketTypeCreated')
      return insertTicketType(trx, event as Recorded<TicketTypeCreated>);
    return changeTicketType(trx, event as Recorded<Change>);
  },
};

export async function insertTicketType(
  trx: Transaction<Database>,
  event: Recorded<TicketTypeCreated>,
): Promise<void> {
  const { eventId, ticketTypeId, organizerId, totalQuantity, createdBy, createdAt, ...details } = event.data;
  await trx
    .insertInto('catalog_ticket_types')
    .values({
      id: ticketTypeId,
      event_id: eventId,
      organizer_id: organizerId,
      position: Number(event.revision),
      // A created ticket type carries every detail, so every detail column is set.
      ...(detailColumns(details) as DetailColumns),
      initial_quantity: totalQuantity,
      status: TicketTypeStatus.ACTIVE,
      created_by: createdBy,
      created_at: new Date(createdAt),
      updated_by: null,
      updated_at: null,
    })
    .execute();
}

export async function changeTicketType(trx: Transaction<Database>, event: Recorded<Change>): Promise<void> {
  const { ticketTypeId, updatedBy, updatedAt } = event.data;
  await trx
    .updateTable('catalog_ticket_types')
    .set({ ...changedColumns(event), updated_by: updatedBy, updated_at: new Date(updatedAt) })
    .where('id', '=', ticketTypeId)
    .execute();
}

function changedColumns(event: Recorded<Change>): Updateable<CatalogTicketTypesTable> {
  switch (event.type) {
    case 'TicketTypeUpdated':
      return detailColumns((event as Recorded<TicketTypeUpdated>).data.changes);
    case 'TicketTypeVisibilityChanged': {
      const { visibility, visibilityStartsAt, visibilityEndsAt } = (
        event as Recorded<TicketTypeVisibilityChanged>
      ).data;
      return detailColumns({ visibility, visibilityStartsAt, visibilityEndsAt });
    }
    case 'TicketTypeInclusiveItemsChanged':
      return detailColumns({
        inclusiveItems: (event as Recorded<TicketTypeInclusiveItemsChanged>).data.inclusiveItems,
      });
    case 'TicketTypeSalesWindowChanged': {
      const { salesStartsAt, salesEndsAt } = (event as Recorded<TicketTypeSalesWindowChanged>).data;
      return detailColumns({ salesStartsAt, salesEndsAt });
    }
    case 'TicketTypeStatusChanged':
      return { status: (event as Recorded<TicketTypeStatusChanged>).data.to };
    case 'TicketTypeDeleted':
      return { status: TicketTypeStatus.DELETED };
  }
}

type DetailColumns = Omit<
  CatalogTicketTypesTable,
  | 'id'
  | 'event_id'
  | 'organizer_id'
  | 'position'
  | 'initial_quantity'
  | 'status'
  | 'created_by'
  | 'created_at'
  | 'updated_by'
  | 'updated_at'
>;

/** The columns of the fields present in `details`; an absent field leaves its columns alone. */
function detailColumns(details: Partial<TicketTypeDetails>): Partial<DetailColumns> {
  const instant = (value: string | undefined) => (value === undefined ? undefined : new Date(value));
  const optionalInstant = (value: string | null | undefined) => (value === null ? null : instant(value));
  const columns: Partial<DetailColumns> = {
    name: details.name,
    description: details.description,
    pricing_type: details.pricingType,
    sales_channel: details.salesChannel,
    attendance_mode: details.attendanceMode,
    sales_starts_at: instant(details.salesStartsAt),
    sales_ends_at: instant(details.salesEndsAt),
    min_per_order: details.minPerOrder,
    max_per_order: details.maxPerOrder,
    max_per_user: details.maxPerUser,
    visibility: details.visibility,
    visibility_starts_at: optionalInstant(details.visibilityStartsAt),
    visibility_ends_at: optionalInstant(details.visibilityEndsAt),
    access: details.access,
    inclusive_items: details.inclusiveItems,
    allow_reentry: details.allowReentry,
    reentry_limit: details.reentryLimit,
    accepted_scan_points: details.acceptedScanPoints,
    transferable: details.transferable,
    refund_policy: details.refundPolicy,
  };
  if (details.price !== undefined) {
    columns.price_amount = details.price?.amount ?? null;
    columns.price_currency = details.price?.currency ?? null;
  }
  if (details.minimumDonation !== undefined) {
    columns.minimum_donation_amount = details.minimumDonation?.amount ?? null;
    columns.minimum_donation_currency = details.minimumDonation?.currency ?? null;
  }
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined));
}
