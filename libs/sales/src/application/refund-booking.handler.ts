import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, READ_YOUR_WRITES, type ReadYourWrites } from '@ticketing/event-store';
import { Clock, type CommandOrigin, commandContextFor } from '@ticketing/platform';
import { forbidden, notFound } from '@ticketing/platform/domain';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { BookingCallers } from './booking-callers';
import { BookingRefunds } from './booking-refunds';
import { type BookingRecordView, findBookingById } from './booking.queries';
import { loadBooking } from './load-booking';

export class RefundBookingCommand extends Command<BookingRecordView> {
  constructor(
    readonly bookingId: string,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

/**
 * The event's organizer or an admin gives a paid booking's money back: the gateway reverses the payment, the tickets
 * are marked refunded and their units go back on sale. The buyer asks the organizer; anyone else is told the booking
 * does not exist.
 */
@CommandHandler(RefundBookingCommand)
export class RefundBookingHandler implements ICommandHandler<RefundBookingCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: Kysely<Database>,
    @Inject(READ_YOUR_WRITES) private readonly readYourWrites: ReadYourWrites,
    private readonly callers: BookingCallers,
    private readonly refunds: BookingRefunds,
    private readonly clock: Clock,
  ) {}

  async execute({ bookingId, origin }: RefundBookingCommand): Promise<BookingRecordView> {
    const booking = await loadBooking(this.store, bookingId);
    const relation = booking && (await this.callers.relationOf(booking, origin.principal, null));
    if (!booking || !relation) throw notFound('Booking', bookingId);
    if (relation !== 'STAFF') throw forbidden("A booking is refunded by its event's organizer");
    const context = commandContextFor(origin, this.clock.now(), `${bookingId}/refund-requested`);
    const { position } = await this.refunds.refund(booking, 'requested_by_customer', context);
    await this.readYourWrites.waitFor(position);
    return (await findBookingById(this.db, bookingId))!;
  }
}
