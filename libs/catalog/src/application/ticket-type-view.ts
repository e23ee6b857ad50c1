import type { EventStatus } from '../domain/event.decider';
import type {
  AttendanceMode,
  Money,
  PricingType,
  SalesChannel,
  TicketTypeAccess,
  TicketTypeVisibility,
} from '../domain/ticket-type-details';
import { saleStatusAt } from '../domain/ticket-type-sale-status';
import { displayedStatus, type TicketTypeStatus } from '../domain/ticket-type-status';
import { isCurrentlyVisible, type Showing } from '../domain/ticket-type-visibility';
import type { CatalogTicketTypesTable } from '../projections/catalog-ticket-types.table';
import type { TicketTypeInventoryView } from '../projections/inventory';

export interface TicketTypeView {
  id: string;
  eventId: string;
  name: string;
  description: string;
  pricingType: PricingType;
  price: Money | null;
  minimumDonation: Money | null;
  salesChannel: SalesChannel;
  attendanceMode: AttendanceMode;
  totalQuantity: number;
  sold: number;
  held: number;
  available: number;
  isSoldOut: boolean;
  salesStartsAt: Date;
  salesEndsAt: Date;
  isOnSale: boolean;
  saleStatusMessage: string;
  minPerOrder: number;
  maxPerOrder: number;
  maxPerUser: number;
  visibility: TicketTypeVisibility;
  visibilityStartsAt: Date | null;
  visibilityEndsAt: Date | null;
  isCurrentlyVisible: boolean;
  access: TicketTypeAccess;
  inclusiveItems: string[];
  allowReentry: boolean;
  reentryLimit: number | null;
  acceptedScanPoints: string[];
  transferable: boolean;
  refundPolicy: string | null;
  status: TicketTypeStatus;
  createdBy: string;
  createdAt: Date;
  updatedBy: string | null;
  updatedAt: Date | null;
}

/**
 * The configured ticket type with the inventory's counts and what `now` makes of both. Until the inventory's read
 * model has the type (it is a separate projection), the capacity asked for at creation stands, nothing sold.
 */
export function toTicketTypeView(
  row: CatalogTicketTypesTable,
  counts: TicketTypeInventoryView | undefined,
  event: { status: EventStatus; timeZone: string },
  now: Date,
): TicketTypeView {
  const units = counts ?? {
    capacity: row.initial_quantity,
    held: 0,
    sold: 0,
    available: row.initial_quantity,
    soldOut: false,
  };
  const status = displayedStatus(row.status, units.soldOut);
  const sale = saleStatusAt(
    {
      eventStatus: event.status,
      timeZone: event.timeZone,
      status,
      salesStartsAt: row.sales_starts_at,
      salesEndsAt: row.sales_ends_at,
    },
    now,
  );
  return {
    id: row.id,
    eventId: row.event_id,
    name: row.name,
    description: row.description,
    pricingType: row.pricing_type,
    price: moneyOf(row.price_amount, row.price_currency),
    minimumDonation: moneyOf(row.minimum_donation_amount, row.minimum_donation_currency),
    salesChannel: row.sales_channel,
    attendanceMode: row.attendance_mode,
    totalQuantity: units.capacity,
    sold: units.sold,
    held: units.held,
    available: units.available,
    isSoldOut: units.soldOut,
    salesStartsAt: row.sales_starts_at,
    salesEndsAt: row.sales_ends_at,
    isOnSale: sale.isOnSale,
    saleStatusMessage: sale.message,
    minPerOrder: row.min_per_order,
    maxPerOrder: row.max_per_order,
    maxPerUser: row.max_per_user,
    visibility: row.visibility,
    visibilityStartsAt: row.visibility_starts_at,
    visibilityEndsAt: row.visibility_ends_at,
    isCurrentlyVisible: isCurrentlyVisible(showingOf(row), now),
    access: row.access,
    inclusiveItems: row.inclusive_items,
    allowReentry: row.allow_reentry,
    reentryLimit: row.reentry_limit,
    acceptedScanPoints: row.accepted_scan_points,
    transferable: row.transferable,
    refundPolicy: row.refund_policy,
    status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/** What decides whether buyers see the ticket type. */
export function showingOf(
  row: Pick<
    CatalogTicketTypesTable,
    | 'id'
    | 'visibility'
    | 'visibility_starts_at'
    | 'visibility_ends_at'
    | 'sales_starts_at'
    | 'sales_ends_at'
    | 'access'
  >,
): Showing {
  return {
    ticketTypeId: row.id,
    visibility: row.visibility,
    visibilityStartsAt: row.visibility_starts_at,
    visibilityEndsAt: row.visibility_ends_at,
    salesStartsAt: row.sales_starts_at,
    salesEndsAt: row.sales_ends_at,
    access: row.access,
  };
}

/** A price as the read model stores it: amount and currency, both null when there is none. */
export function moneyOf(amount: number | null, currency: string | null): Money | null {
  return amount === null || currency === null ? null : { amount, currency };
}
