import { type Kysely, type Migration, sql } from 'kysely';
import { inventoryMigrations } from './inventory';

export const catalogMigrations: Record<string, Migration> = {
  ...inventoryMigrations,
  '2026-11-23-0200-catalog-events': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('catalog_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organizer_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('venue_name', 'text')
        .addColumn('venue_address', 'text')
        .addColumn('venue_city', 'text')
        .addColumn('venue_country', 'text')
        .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
        .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('registration_opens_at', 'timestamptz', (c) => c.notNull())
        .addColumn('registration_closes_at', 'timestamptz', (c) => c.notNull())
        .addColumn('max_capacity', 'integer')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .addColumn('published_at', 'timestamptz')
        .addColumn('cancelled_at', 'timestamptz')
        .addColumn('cancellation_reason', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      // Listings page through (starts_at, id); each filter leads with its own column so a page is an index range.
      await db.schema
        .createIndex('catalog_events_by_start')
        .on('catalog_events')
        .columns(['starts_at', 'id'])
        .execute();
      await db.schema
        .createIndex('catalog_events_by_status')
        .on('catalog_events')
        .columns(['status', 'starts_at', 'id'])
        .execute();
      await db.schema
        .createIndex('catalog_events_by_organizer')
        .on('catalog_events')
        .columns(['organizer_id', 'starts_at', 'id'])
        .execute();
    },
  },
  '2026-11-24-0200-catalog-ticket-types': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('catalog_ticket_types')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('organizer_id', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('pricing_type', 'text', (c) => c.notNull())
        .addColumn('price_amount', 'integer')
        .addColumn('price_currency', 'text')
        .addColumn('minimum_donation_amount', 'integer')
        .addColumn('minimum_donation_currency', 'text')
        .addColumn('sales_channel', 'text', (c) => c.notNull())
        .addColumn('attendance_mode', 'text', (c) => c.notNull())
        .addColumn('initial_quantity', 'integer', (c) => c.notNull())
        .addColumn('sales_starts_at', 'timestamptz', (c) => c.notNull())
        .addColumn('sales_ends_at', 'timestamptz', (c) => c.notNull())
        .addColumn('min_per_order', 'integer', (c) => c.notNull())
        .addColumn('max_per_order', 'integer', (c) => c.notNull())
        .addColumn('max_per_user', 'integer', (c) => c.notNull())
        .addColumn('visibility', 'text', (c) => c.notNull())
        .addColumn('visibility_starts_at', 'timestamptz')
        .addColumn('visibility_ends_at', 'timestamptz')
        .addColumn('access', 'text', (c) => c.notNull())
        .addColumn('inclusive_items', sql`text[]`, (c) => c.notNull())
        .addColumn('allow_reentry', 'boolean', (c) => c.notNull())
        .addColumn('reentry_limit', 'integer')
        .addColumn('accepted_scan_points', sql`text[]`, (c) => c.notNull())
        .addColumn('transferable', 'boolean', (c) => c.notNull())
        .addColumn('refund_policy', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', 'timestamptz')
        .execute();
      // An event's ticket types are listed together, in creation order.
      await db.schema
        .createIndex('catalog_ticket_types_by_event')
        .on('catalog_ticket_types')
        .columns(['event_id', 'position'])
        .execute();
    },
  },
  '2026-11-24-0300-catalog-access-codes': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('catalog_access_codes')
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('ticket_type_id', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('catalog_access_codes_pkey', ['event_id', 'code', 'ticket_type_id'])
        .execute();
    },
  },
};
