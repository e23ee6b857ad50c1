import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  EVENT_STORE,
  type EventStore,
  latestPosition,
  READ_YOUR_WRITES,
  type ReadYourWrites,
  runCommand,
} from '@ticketing/event-store';
import { Clock, type CommandOrigin, commandContextFor } from '@ticketing/platform';
import { notFound } from '@ticketing/platform/domain';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { BookingStatus } from '../domain/booking/booking-status';
import { bookingDecider } from '../domain/booking/booking.decider';
import type { Canceller } from '../domain/booking/booking.events';
import { BookingCallers } from './booking-callers';
import { BookingHolds } from './booking-holds';
import { soldUnitsOf } from './booking-refunds';
import { BookingTickets } from './booking-tickets';
import { type BookingRecordView, findBookingById } from './booking.queries';
import { loadBooking } from './load-booking';
import { bookingStream } from './sales-streams';

export class CancelBookingCommand extends Command<BookingRecordView> {
  constructor(
    readonly bookingId: string,
    readonly reason: string,
    /** A guest's key to the booking, as `placeBooking` returned it. */
    readonly accessToken: string | null,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

/**
 * A pending booking, cancelled by its buyer or its event's staff, gives its hold back. A confirmed one, cancelled by
 * staff, keeps its record: its tickets are voided and their units go back on sale, with no refund (that is
 * `refundBooking`). The follow-up runs whenever the booking is found cancelled, so a retry finishes it.
 */
@CommandHandler(CancelBookingCommand)
export class CancelBookingHandler implements ICommandHandler<CancelBookingCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: Kysely<Database>,
    @Inject(READ_YOUR_WRITES) private readonly readYourWrites: ReadYourWrites,
    private readonly callers: BookingCallers,
    private readonly holds: BookingHolds,
    private readonly tickets: BookingTickets,
    private readonly clock: Clock,
  ) {}

  async execute({
    bookingId,
    reason,
    accessToken,
    origin,
  }: CancelBookingCommand): Promise<BookingRecordView> {
    const booking = await loadBooking(this.store, bookingId);
    const relation = booking && (await this.callers.relationOf(booking, origin.principal, accessToken));
    if (!booking || !relation) throw notFound('Booking', bookingId);
    const by: Canceller =
      relation === 'STAFF' ? { kind: 'STAFF', userId: origin.principal!.userId } : { kind: 'BUYER' };
    const context = commandContextFor(origin, this.clock.now(), `${bookingId}/cancel`);
    const outcome = await runCommand(
      this.store,
      bookingDecider,
      bookingStream(bookingId),
      { type: 'CancelBooking', bookingId, by, reason },
      context,
    );
    const cancelled = outcome.state!;
    let ticketsPosition = null;
    if (cancelled.status === BookingStatus.CANCELLED && cancelled.previousStatus === BookingStatus.PENDING) {
      await this.holds.releaseEnded(cancelled.reference, 'CANCELLED', context);
    }
    if (
      cancelled.status === BookingStatus.CANCELLED &&
      cancelled.previousStatus === BookingStatus.CONFIRMED
    ) {
      ticketsPosition = await this.tickets.voidAll(cancelled, `Booking cancelled: ${reason.trim()}`, context);
      await this.holds.returnSold(soldUnitsOf(cancelled), 'CANCELLED', context);
    }
    await this.readYourWrites.waitFor(latestPosition([outcome.position, ticketsPosition]));
    return (await findBookingById(this.db, bookingId))!;
  }
}
