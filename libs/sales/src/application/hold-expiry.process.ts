import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore, runCommand } from '@ticketing/event-store';
import { APP_CONFIG, type AppConfig, Clock, type CommandContext, PeriodicRounds } from '@ticketing/platform';
import { SYSTEM_ACTOR } from '@ticketing/platform/domain';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { BookingStatus } from '../domain/booking/booking-status';
import { bookingDecider } from '../domain/booking/booking.decider';
import { ReleaseReason } from '../domain/release-reason';
import type { SalesBookingHoldsTable } from '../projections/sales-booking-holds.table';
import { BookingHolds } from './booking-holds';
import { bookingStream } from './sales-streams';

/**
 * How long the handler that recorded a payment failure or a cancellation has to give the hold back itself before
 * this process takes the work over, as it does after a crash in between.
 */
const RELEASE_GRACE_MS = 60_000;
const HOLDS_PER_ROUND = 100;

/**
 * Ends the holds whose time has passed and finishes any release a crash cut short. It works from the
 * `sales_booking_holds` read model, which the log rebuilds, not from timers: a hold that expired while no process
 * ran is released by the first round after the next start. Every step is idempotent on its own, so two API
 * processes running this at once only repeat each other's no-ops.
 */
@Injectable()
export class HoldExpiryProcess implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HoldExpiryProcess.name);
  private readonly rounds = new PeriodicRounds('Hold expiry', () => this.releaseDueHolds(), this.logger);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: Kysely<Database>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly holds: BookingHolds,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.rounds.start(this.config.sales.expiryPollMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.rounds.stop();
  }

  /** Handles every hold due now; returns how many it handled. */
  async releaseDueHolds(): Promise<number> {
    const now = this.clock.now();
    const due = await this.dueHolds(now);
    for (const hold of due) {
      try {
        await this.end(hold, now);
      } catch (error) {
        // One booking's failure must not stall the others; its row stays, so the next round tries again.
        this.logger.error(`Could not release the hold of booking ${hold.booking_id}`, error);
      }
    }
    return due.length;
  }

  private dueHolds(now: Date): Promise<SalesBookingHoldsTable[]> {
    return this.db
      .selectFrom('sales_booking_holds')
      .selectAll()
      .where((where) =>
        where.or([
          where.and([where('release_reason', 'is', null), where('expires_at', '<=', now)]),
          where('release_due_since', '<=', new Date(now.getTime() - RELEASE_GRACE_MS)),
        ]),
      )
      .orderBy('expires_at')
      .limit(HOLDS_PER_ROUND)
      .execute();
  }

  /**
   * The booking decides first: a payment that confirmed it meanwhile wins, and then there is nothing to give back.
   * Only a booking recorded as no longer pending has its hold released.
   */
  private async end(hold: SalesBookingHoldsTable, now: Date): Promise<void> {
    const bookingId = hold.booking_id;
    const context: CommandContext = {
      commandId: `${bookingId}/expire`,
      correlationId: `${bookingId}/expire`,
      causationId: null,
      actor: SYSTEM_ACTOR,
      now,
    };
    const reason = hold.release_reason ?? ReleaseReason.EXPIRED;
    if (hold.release_reason === null) {
      const outcome = await runCommand(
        this.store,
        bookingDecider,
        bookingStream(bookingId),
        { type: 'ExpireBooking', bookingId },
        context,
      );
      if (outcome.state?.status !== BookingStatus.EXPIRED) return;
      this.logger.log(`Booking ${bookingId} expired; its hold is given back`);
    }
    await this.holds.releaseEnded(
      { bookingId, eventId: hold.event_id, buyerKey: hold.buyer_key, promoCode: hold.promo_code },
      reason,
      context,
    );
  }
}
