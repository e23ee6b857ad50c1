import type { Kysely, Migration } from 'kysely';

export const ticketingMigrations: Record<string, Migration> = {
  '2026-11-25-0500-ticketing-tickets': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('ticketing_tickets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('booking_id', 'text')
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('ticket_type_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('holder_user_id', 'text')
        .addColumn('holder_email', 'text')
        .addColumn('holder_name', 'text')
        .addColumn('held_since', 'timestamptz', (c) => c.notNull())
        .addColumn('price_amount', 'integer')
        .addColumn('price_currency', 'text')
        .addColumn('transferable', 'boolean', (c) => c.notNull())
        .addColumn('qr_version', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('checked_in_at', 'timestamptz')
        .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .execute();
      // A holder's list pages through (held_since, id), newest first, so each page is an index range.
      await db.schema
        .createIndex('ticketing_tickets_by_holder_user')
        .on('ticketing_tickets')
        .columns(['holder_user_id', 'held_since desc', 'id desc'])
        .execute();
      await db.schema
        .createIndex('ticketing_tickets_by_holder_email')
        .on('ticketing_tickets')
        .columns(['holder_email', 'held_since desc', 'id desc'])
        .execute();
      await db.schema
        .createIndex('ticketing_tickets_by_booking')
        .on('ticketing_tickets')
        .columns(['booking_id', 'issued_at', 'id'])
        .execute();
    },
  },
  '2026-11-25-0510-ticketing-revocations': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('ticketing_revocations')
        .addColumn('sequence', 'integer', (c) => c.primaryKey())
        .addColumn('ticket_id', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('qr_version', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'timestamptz', (c) => c.notNull())
        .execute();
      // Scanners pull one event's revocations after a sequence number.
      await db.schema
        .createIndex('ticketing_revocations_by_event')
        .on('ticketing_revocations')
        .columns(['event_id', 'sequence'])
        .execute();
    },
  },
  '2026-11-26-0200-ticketing-tickets-by-event': {
    async up(db: Kysely<unknown>) {
      // An event's list pages through (issued_at, id), newest first; door staff filter it to unsold door tickets.
      await db.schema
        .createIndex('ticketing_tickets_by_event')
        .on('ticketing_tickets')
        .columns(['event_id', 'issued_at desc', 'id desc'])
        .execute();
    },
  },
};
