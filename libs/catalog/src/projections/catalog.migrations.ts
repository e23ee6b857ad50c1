import type { Kysely, Migration } from 'kysely';

export const catalogMigrations: Record<string, Migration> = {
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
};
