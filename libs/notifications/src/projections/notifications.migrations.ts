import { type Kysely, type Migration, sql } from 'kysely';

export const notificationsMigrations: Record<string, Migration> = {
  '2026-11-26-0300-notifications-outbox': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('notifications_outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('booking_id', 'text')
        .addColumn('recipient_email', 'text')
        .addColumn('recipient_name', 'text')
        .addColumn('expected_tickets', 'integer')
        .addColumn('ready_at', 'timestamptz')
        .addColumn('ready_position', 'text')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .execute();
      // The sender reads the rows made ready after the last it took, so each round costs what is new, not the history.
      await db.schema
        .createIndex('notifications_outbox_ready')
        .on('notifications_outbox')
        .column('ready_position')
        .where('ready_position', 'is not', null)
        .execute();
      await db.schema
        .createTable('notifications_outbox_tickets')
        .addColumn('notification_id', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'text', (c) => c.notNull())
        .addColumn('ticket_type_id', 'text', (c) => c.notNull())
        .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('notifications_outbox_tickets_pk', ['notification_id', 'ticket_id'])
        .execute();
      await db.schema
        .createTable('notifications_deliveries')
        .addColumn('notification_id', 'text', (c) => c.primaryKey())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('sent_at', 'timestamptz')
        .addColumn('skipped_at', 'timestamptz')
        .execute();
      // Senders claim among the deliveries still to make, never the sent history.
      await db.schema
        .createIndex('notifications_deliveries_due')
        .on('notifications_deliveries')
        .column('next_attempt_at')
        .where(sql.ref('sent_at'), 'is', null)
        .where(sql.ref('skipped_at'), 'is', null)
        .execute();
      await db.schema
        .createTable('notifications_sender_cursor')
        .addColumn('outbox', 'text', (c) => c.primaryKey())
        .addColumn('ready_position', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
