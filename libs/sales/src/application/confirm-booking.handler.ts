import { Inject, Logger } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, runCommand, toDomainEvent } from '@ticketing/event-store';
import { Clock, type CommandContext, commandContextFor } from '@ticketing/platform';
import { AppError, ErrorCode, foldEvents, notFound, SYSTEM_ACTOR } from '@ticketing/platform/domain';
import { BookingStatus } from '../domain/booking/booking-status';
import type { ConfirmBooking } from '../domain/booking/booking.commands';
import { bookingDecider } from '../domain/booking/booking.decider';
import type { BookingEvent } from '../domain/booking/booking.events';
import { acceptsPayment, type BookingState } from '../domain/booking/booking.state';
import { PAYMENT_GATEWAY, type PaymentGateway } from '../payments/payment-gateway.port';
import { BookingHolds } from './booking-holds';
import { BookingTickets } from './booking-tickets';
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
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly holds: BookingHolds,
    private readonly tickets: BookingTickets,
    private readonly clock: Clock,
  ) {}

  async execute({ payment, commandId, correlationId }: ConfirmBookingCommand): Promise<BookingStatus> {
    const { bookingId } = payment;
    const context: CommandContext = {
      ...commandContextFor({ principal: null, correlationId }, this.clock.now(), commandId),
      actor: SYSTEM_ACTOR,
    };
    const booking = await this.loadBooking(bookingId);
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
    if (confirmed.status === BookingStatus.REFUND_DUE) return this.refund(confirmed, context);
    return confirmed.status;
  }

  private async loadBooking(bookingId: string): Promise<BookingState | null> {
    const history = await this.store.readStream(bookingStream(bookingId));
    return foldEvents(bookingDecider, history.map(toDomainEvent<BookingEvent>));
  }

  /** A rule refusing the units is an outcome the booking records, not a failure of this command. */
  private async sellUnits(booking: BookingState, context: CommandContext): Promise<UnitsOutcome> {
    try {
      const { reacquired } = await this.holds.confirm(booking.reference, context);
      return { unitsStillHeld: !reacquired, reacquired };
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== ErrorCode.BUSINESS_RULE_VIOLATION) throw error;
      return { ...nothingTaken, unavailableBecause: error.reason ?? null };
    }
  }

  /** One refund per booking: its idempotency key is the booking's, so a retry never pays the buyer back twice. */
  private async refund(booking: BookingState, context: CommandContext): Promise<BookingStatus> {
    const { bookingId } = booking.reference;
    const payment = booking.payment!;
    const refundId = `${bookingId}/refund`;
    const refund = await this.gateway.refund({
      paymentRef: payment.paymentRef,
      reason: 'requested_by_customer',
      idempotencyKey: refundId,
    });
    this.logger.log(`Payment ${payment.paymentRef} for booking ${bookingId} is refunded: ${refund.status}`);
    const refunded = await runCommand(
      this.store,
      bookingDecider,
      bookingStream(bookingId),
      { type: 'RefundBooking', bookingId, refundRef: refund.refundRef, amount: payment.amount },
      { ...context, commandId: refundId, causationId: context.commandId },
    );
    return refunded.state!.status;
  }
}

const nothingTaken: UnitsOutcome = { unitsStillHeld: false, reacquired: false, unavailableBecause: null };
