import type { Kysely, Migration } from 'kysely';

export const salesMigrations: Record<string, Migration> = {
  '2026-11-23-0500-sales-bookings': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sales_bookings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('buyer_user_id', 'text')
        .addColumn('buyer_email', 'text')
        .addColumn('buyer_name', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('subtotal', 'integer', (c) => c.notNull())
        .addColumn('discount', 'integer', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('currency', 'text')
        .addColumn('promo_code', 'text')
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .addColumn('placed_at', 'timestamptz', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .execute();
      // A buyer's bookings and an event's bookings are each paged newest first through (placed_at, id).
      await db.schema
        .createIndex('sales_bookings_by_buyer')
        .on('sales_bookings')
        .columns(['buyer_user_id', 'placed_at', 'id'])
        .execute();
      await db.schema
        .createIndex('sales_bookings_by_event')
        .on('sales_bookings')
        .columns(['event_id', 'status', 'placed_at', 'id'])
        .execute();
      await db.schema
        .createTable('sales_booking_items')
        .addColumn('booking_id', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('ticket_type_id', 'text', (c) => c.notNull())
        .addColumn('ticket_type_name', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('unit_price', 'integer', (c) => c.notNull())
        .addColumn('subtotal', 'integer', (c) => c.notNull())
        .addColumn('discount', 'integer', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('sales_booking_items_pkey', ['booking_id', 'position'])
        .execute();
      await db.schema
        .createTable('sales_booking_status_history')
        .addColumn('booking_id', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('previous_status', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('sales_booking_status_history_pkey', ['booking_id', 'revision'])
        .execute();
    },
  },
  '2026-11-26-0100-sales-booking-holds': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sales_booking_holds')
        .addColumn('booking_id', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('buyer_key', 'text', (c) => c.notNull())
        .addColumn('promo_code', 'text')
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .addColumn('release_reason', 'text')
        .addColumn('release_due_since', 'timestamptz')
        .execute();
      // The expiry process asks for the holds due soonest.
      await db.schema
        .createIndex('sales_booking_holds_by_expiry')
        .on('sales_booking_holds')
        .columns(['expires_at'])
        .execute();
    },
  },
};
