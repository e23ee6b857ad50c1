import { Inject, Logger } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, runCommand } from '@ticketing/event-store';
import { Clock, type CommandContext, commandContextFor } from '@ticketing/platform';
import { AppError, ErrorCode, notFound, SYSTEM_ACTOR } from '@ticketing/platform/domain';
import { BookingStatus } from '../domain/booking/booking-status';
import type { ConfirmBooking } from '../domain/booking/booking.commands';
import { bookingDecider } from '../domain/booking/booking.decider';
import { acceptsPayment, type BookingState } from '../domain/booking/booking.state';
import { BookingHolds } from './booking-holds';
import { BookingRefunds, soldUnitsOf } from './booking-refunds';
import { BookingTickets } from './booking-tickets';
import { loadBooking } from './load-booking';
import { bookingStream } from './sales-streams';

/** A payment the gateway received for a booking, in integer minor units of an upper-case ISO 4217 currency. */
export interface ReceivedBookingPayment {
  bookingId: string;
  paymentRef: string;
  amount: number;
  currency: string;
}

type UnitsOutcome = Pick<ConfirmBooking, 'unitsStillHeld' | 'reacquired' | 'unavailableBecause'>;

/**
 * `commandId` identifies the report of the payment (the gateway's notification id), so a report delivered again
 * appends nothing twice; every later step derives its own id from the booking.
 */
export class ConfirmBookingCommand extends Command<BookingStatus> {
  constructor(
    readonly payment: ReceivedBookingPayment,
    readonly commandId: string,
    readonly correlationId: string,
  ) {
    super();
  }
}

/**
 * Sells the booking's units (taking them again when the hold had ended), records the payment with that outcome, and
 * then does what the outcome calls for: tickets for a confirmed booking, the money back for one that cannot be had.
 * Each step is idempotent on its own, and the follow-up runs whenever the booking is found in that status, so a
 * retry after a crash between two steps finishes the work instead of skipping it.
 */
@CommandHandler(ConfirmBookingCommand)
export class ConfirmBookingHandler implements ICommandHandler<ConfirmBookingCommand> {
  private readonly logger = new Logger(ConfirmBookingHandler.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly holds: BookingHolds,
    private readonly tickets: BookingTickets,
    private readonly refunds: BookingRefunds,
    private readonly clock: Clock,
  ) {}

  async execute({ payment, commandId, correlationId }: ConfirmBookingCommand): Promise<BookingStatus> {
    const { bookingId } = payment;
    const context: CommandContext = {
      ...commandContextFor({ principal: null, correlationId }, this.clock.now(), commandId),
      actor: SYSTEM_ACTOR,
    };
    const booking = await loadBooking(this.store, bookingId);
    if (!booking) throw notFound('Booking', bookingId);
    const units = acceptsPayment(booking) ? await this.sellUnits(booking, context) : nothingTaken;
    const outcome = await runCommand(
      this.store,
      bookingDecider,
      bookingStream(bookingId),
      { type: 'ConfirmBooking', ...payment, ...units },
      context,
    );
    const confirmed = outcome.state!;
    if (confirmed.status === BookingStatus.CONFIRMED) await this.tickets.issue(confirmed, context);
    if (confirmed.status === BookingStatus.REFUND_DUE) {
      const { booking } = await this.refunds.refund(confirmed, 'requested_by_customer', context);
      return booking.status;
    }
    return confirmed.status;
  }

  /** A rule refusing the units is an outcome the booking records, not a failure of this command. */
  private async sellUnits(booking: BookingState, context: CommandContext): Promise<UnitsOutcome> {
    try {
      const { reacquired } = await this.holds.confirm(soldUnitsOf(booking), context);
      return { unitsStillHeld: !reacquired, reacquired };
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== ErrorCode.BUSINESS_RULE_VIOLATION) throw error;
      return { ...nothingTaken, unavailableBecause: error.reason ?? null };
    }
  }
}

const nothingTaken: UnitsOutcome = { unitsStillHeld: false, reacquired: false, unavailableBecause: null };
