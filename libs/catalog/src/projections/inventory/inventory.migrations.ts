import type { Kysely, Migration } from 'kysely';

export const inventoryMigrations: Record<string, Migration> = {
  '2026-11-23-0300-catalog-ticket-type-inventory': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('catalog_ticket_type_inventory')
        .addColumn('ticket_type_id', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('capacity', 'integer', (c) => c.notNull())
        .addColumn('held', 'integer', (c) => c.notNull())
        .addColumn('sold', 'integer', (c) => c.notNull())
        .addColumn('ever_sold', 'integer', (c) => c.notNull())
        .addColumn('withdrawn', 'boolean', (c) => c.notNull())
        .addColumn('sold_out', 'boolean', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .execute();
      // What is left of one type depends on what its event's other types took when the event has a limit.
      await db.schema
        .createIndex('catalog_ticket_type_inventory_by_event')
        .on('catalog_ticket_type_inventory')
        .column('event_id')
        .execute();
      await db.schema
        .createTable('catalog_event_capacity_limits')
        .addColumn('event_id', 'text', (c) => c.primaryKey())
        .addColumn('max_capacity', 'integer')
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .execute();
    },
  },
};
