import type { EventFormat } from '../domain/event-details';
import type { EventStatus } from '../domain/event.decider';

/** One row per event, as listings and the event page show it. */
export interface CatalogEventsTable {
  id: string;
  organizer_id: string;
  status: EventStatus;
  title: string;
  description: string;
  format: EventFormat;
  /** The venue's fields are all null for an online event. */
  venue_name: string | null;
  venue_address: string | null;
  venue_city: string | null;
  venue_country: string | null;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  registration_opens_at: Date;
  registration_closes_at: Date;
  max_capacity: number | null;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  cancelled_at: Date | null;
  cancellation_reason: string | null;
  /** How many changes the event has had, starting at 1 when it is created. */
  version: number;
}

declare module '@ticketing/read-store/database' {
  interface Database {
    catalog_events: CatalogEventsTable;
  }
}
