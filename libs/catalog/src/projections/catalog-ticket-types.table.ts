import type {
  AttendanceMode,
  PricingType,
  SalesChannel,
  TicketTypeAccess,
  TicketTypeVisibility,
} from '../domain/ticket-type-details';
import type { ConfiguredStatus } from '../domain/ticket-type-status';

/** One row per ticket type as its organizer configured it; deleted ones stay, marked DELETED. */
export interface CatalogTicketTypesTable {
  id: string;
  event_id: string;
  organizer_id: string;
  /** The revision of its creation in the event's stream, so listings follow creation order. */
  position: number;
  name: string;
  description: string;
  pricing_type: PricingType;
  /** Minor units; null with its currency when there is no price. */
  price_amount: number | null;
  price_currency: string | null;
  minimum_donation_amount: number | null;
  minimum_donation_currency: string | null;
  sales_channel: SalesChannel;
  attendance_mode: AttendanceMode;
  /** The capacity asked for at creation; the inventory's read model answers for it from then on. */
  initial_quantity: number;
  sales_starts_at: Date;
  sales_ends_at: Date;
  min_per_order: number;
  max_per_order: number;
  max_per_user: number;
  visibility: TicketTypeVisibility;
  visibility_starts_at: Date | null;
  visibility_ends_at: Date | null;
  access: TicketTypeAccess;
  inclusive_items: string[];
  allow_reentry: boolean;
  reentry_limit: number | null;
  accepted_scan_points: string[];
  transferable: boolean;
  refund_policy: string | null;
  status: ConfiguredStatus;
  created_by: string;
  created_at: Date;
  /** Null until the first change after creation. */
  updated_by: string | null;
  updated_at: Date | null;
}

declare module '@ticketing/read-store/database' {
  interface Database {
    catalog_ticket_types: CatalogTicketTypesTable;
  }
}
