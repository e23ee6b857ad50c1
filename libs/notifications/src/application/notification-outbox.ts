import type { Database } from '@ticketing/read-store';
import { TicketStatus } from '@ticketing/ticketing';
import type { Kysely } from 'kysely';

export interface ClaimedNotification {
  notificationId: string;
  /** Including this one. */
  attempts: number;
}

/** Which outbox the cursor row follows: one per outbox table, should another kind of notification get its own. */
const OUTBOX = 'notifications_outbox';

export interface TakeUpOptions {
  now: Date;
  /** Rows made ready before this are history, not news: they get a delivery marked skipped, never sent. */
  staleBefore: Date;
  limit: number;
}

/**
 * Gives each notification made ready since the last call a delivery to make, due now, and moves the senders' cursor
 * past them; returns the ids it skipped as stale. The cursor row is locked for the transaction, so senders in several
 * processes take up each row once, in turn; the transaction holds no lock while anything is sent.
 *
 * A notification first seen long after it became ready is history: the outbox was added to a deployment with a past,
 * or the read store was lost and replayed from the log, delivery records and cursor with it. Those are skipped, so a
 * replay never mails the past again; one that a sender has taken up is never skipped, however long its sends fail.
 *
 * @example
 * await takeUpReadyNotifications(db, { now, staleBefore: new Date(now.getTime() - STALE_AFTER_MS), limit: 500 });
 */
export async function takeUpReadyNotifications(
  db: Kysely<Database>,
  { now, staleBefore, limit }: TakeUpOptions,
): Promise<{ takenUp: number; skipped: string[] }> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('notifications_sender_cursor')
      .values({ outbox: OUTBOX, ready_position: '' })
      .onConflict((oc) => oc.column('outbox').doNothing())
      .execute();
    const cursor = await trx
      .selectFrom('notifications_sender_cursor')
      .select('ready_position')
      .where('outbox', '=', OUTBOX)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const ready = await trx
      .selectFrom('notifications_outbox')
      .select(['id', 'ready_at', 'ready_position'])
      .where('ready_position', '>', cursor.ready_position)
      .orderBy('ready_position')
      .limit(limit)
      .execute();
    if (ready.length === 0) return { takenUp: 0, skipped: [] };
    const skipped = ready.filter((row) => row.ready_at! < staleBefore).map((row) => row.id);
    await trx
      .insertInto('notifications_deliveries')
      .values(
        ready.map((row) => ({
          notification_id: row.id,
          attempts: 0,
          claimed_by: null,
          next_attempt_at: now,
          last_error: null,
          sent_at: null,
          skipped_at: row.ready_at! < staleBefore ? now : null,
        })),
      )
      // A rebuild that swapped in behind the live outbox makes rows ready again that were taken up already.
      .onConflict((oc) => oc.column('notification_id').doNothing())
      .execute();
    await trx
      .updateTable('notifications_sender_cursor')
      .set({ ready_position: ready[ready.length - 1].ready_position! })
      .where('outbox', '=', OUTBOX)
      .execute();
    return { takenUp: ready.length, skipped };
  });
}

export interface ClaimOptions {
  now: Date;
  /** Names this claim: only its holder records a failure on it. */
  token: string;
  /** How long the claim keeps other senders off; after it, a sender that died while sending is taken over. */
  leaseMs: number;
  limit: number;
}

/**
 * Claims up to `limit` deliveries that are due (neither sent nor skipped, not claimed under a live lease, not backing
 * off), longest waiting first. The claim is one short statement, committed before anything is sent: no transaction
 * or row lock is held through the SMTP conversation, which would hold up a rebuild's swap and, on PGlite, the only
 * connection the projections have. A lease stands in for the lock, and outlives a sender that crashed.
 *
 * Safe with any number of senders on one database: SKIP LOCKED passes over rows another claim is updating, and a row
 * another claim updated since this statement's snapshot is re-checked against the WHERE in its new version, found
 * claimed until its lease's end, and left.
 *
 * @example
 * const claimed = await claimDueNotifications(db, { now, token: randomUUID(), leaseMs: 120_000, limit: 20 });
 */
export async function claimDueNotifications(
  db: Kysely<Database>,
  { now, token, leaseMs, limit }: ClaimOptions,
): Promise<ClaimedNotification[]> {
  const due = db
    .selectFrom('notifications_deliveries')
    .select('notification_id')
    .where('sent_at', 'is', null)
    .where('skipped_at', 'is', null)
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('notification_id')
    .limit(limit)
    .forUpdate()
    .skipLocked();
  const rows = await db
    .updateTable('notifications_deliveries')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      claimed_by: token,
      next_attempt_at: new Date(now.getTime() + leaseMs),
    }))
    .where('notification_id', 'in', due)
    .returning(['notification_id', 'attempts'])
    .execute();
  return rows.map((row) => ({ notificationId: row.notification_id, attempts: Number(row.attempts) }));
}

/** Whoever sent it records it, claim or not: a sender whose lease ran out mid-send still delivered the message. */
export async function markNotificationSent(
  db: Kysely<Database>,
  notificationId: string,
  sentAt: Date,
): Promise<void> {
  await db
    .updateTable('notifications_deliveries')
    .set({ sent_at: sentAt, claimed_by: null })
    .where('notification_id', '=', notificationId)
    .where('sent_at', 'is', null)
    .execute();
}

/**
 * Records that a notification will never be sent: every ticket it announced was voided or refunded before it went.
 * Only the claim's holder records it, as a failure.
 */
export async function markNotificationWithdrawn(
  db: Kysely<Database>,
  notificationId: string,
  token: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('notifications_deliveries')
    .set({ claimed_by: null, skipped_at: at })
    .where('notification_id', '=', notificationId)
    .where('claimed_by', '=', token)
    .where('sent_at', 'is', null)
    .execute();
}

/** Only the claim's holder backs the row off: after its lease ran out, another sender may hold the row. */
export async function markNotificationFailed(
  db: Kysely<Database>,
  notificationId: string,
  token: string,
  failure: { error: string; retryAt: Date },
): Promise<void> {
  await db
    .updateTable('notifications_deliveries')
    .set({ claimed_by: null, last_error: failure.error.slice(0, 2000), next_attempt_at: failure.retryAt })
    .where('notification_id', '=', notificationId)
    .where('claimed_by', '=', token)
    .where('sent_at', 'is', null)
    .execute();
}

export interface OutboxNotification {
  id: string;
  eventId: string;
  bookingId: string | null;
  recipient: { email: string; name: string };
  /** In the order they were issued; without those voided or refunded since, which admit nobody any more. */
  tickets: { ticketId: string; ticketTypeId: string }[];
}

/**
 * A ready notification with the tickets it still has to announce; undefined when there is none, or it is not ready.
 * A ticket the tickets read model does not list yet counts as live: that projection may be behind this one.
 */
export async function findReadyNotification(
  db: Kysely<Database>,
  notificationId: string,
): Promise<OutboxNotification | undefined> {
  const row = await db
    .selectFrom('notifications_outbox')
    .selectAll()
    .where('id', '=', notificationId)
    .where('ready_at', 'is not', null)
    .executeTakeFirst();
  if (!row || row.recipient_email === null) return undefined;
  const tickets = await db
    .selectFrom('notifications_outbox_tickets as announced')
    .leftJoin('ticketing_tickets as ticket', 'ticket.id', 'announced.ticket_id')
    .select(['announced.ticket_id', 'announced.ticket_type_id'])
    .where('announced.notification_id', '=', notificationId)
    .where((eb) =>
      eb.or([
        eb('ticket.status', 'is', null),
        eb('ticket.status', 'not in', [TicketStatus.VOIDED, TicketStatus.REFUNDED]),
      ]),
    )
    .orderBy('announced.issued_at')
    .orderBy('announced.ticket_id')
    .execute();
  return {
    id: row.id,
    eventId: row.event_id,
    bookingId: row.booking_id,
    recipient: { email: row.recipient_email, name: row.recipient_name ?? row.recipient_email },
    tickets: tickets.map((ticket) => ({ ticketId: ticket.ticket_id, ticketTypeId: ticket.ticket_type_id })),
  };
}
