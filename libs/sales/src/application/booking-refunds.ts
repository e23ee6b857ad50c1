import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  EVENT_STORE,
  type EventStore,
  latestPosition,
  type LogPosition,
  runCommand,
} from '@ticketing/event-store';
import type { CommandContext } from '@ticketing/platform';
import { BookingStatus } from '../domain/booking/booking-status';
import { bookingDecider } from '../domain/booking/booking.decider';
import type { BookingState } from '../domain/booking/booking.state';
import { PAYMENT_GATEWAY, type PaymentGateway, type RefundReason } from '../payments/payment-gateway.port';
import { BookingHolds } from './booking-holds';
import { BookingTickets } from './booking-tickets';
import { bookingStream } from './sales-streams';

/** Stands in for the gateway's refund id while the decider checks, before any money moves, that a refund may happen. */
const REFUND_NOT_YET_ISSUED = 'not-yet-issued';

export interface RefundOutcome {
  booking: BookingState;
  /** Where the last change landed, for the caller to read the booking and its tickets back. */
  position: LogPosition | null;
}

/**
 * Pays a booking's whole payment back through the gateway, records it, and then does what the refund leaves to do:
 * a booking refunded from CONFIRMED has its tickets refunded and its units put back on sale; one cancelled before
 * had that done by its cancellation; one whose payment could not buy it (REFUND_DUE) never had tickets.
 */
@Injectable()
export class BookingRefunds {
  private readonly logger = new Logger(BookingRefunds.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly holds: BookingHolds,
    private readonly tickets: BookingTickets,
  ) {}

  /**
   * One refund per booking: its idempotency key is the booking's, so neither a retry nor a refund asked for twice
   * pays the buyer back twice. A booking found refunded already only has the follow-up finished.
   */
  async refund(booking: BookingState, reason: RefundReason, context: CommandContext): Promise<RefundOutcome> {
    let refunded = booking;
    let position: LogPosition | null = null;
    if (booking.status !== BookingStatus.REFUNDED) {
      const { bookingId } = booking.reference;
      const amount = booking.payment?.amount ?? 0;
      bookingDecider.decide(
        { type: 'RefundBooking', bookingId, refundRef: REFUND_NOT_YET_ISSUED, amount },
        booking,
        context.now,
      );
      const refundId = `${bookingId}/refund`;
      const refund = await this.gateway.refund({
        paymentRef: booking.payment!.paymentRef,
        reason,
        idempotencyKey: refundId,
      });
      this.logger.log(
        `Payment ${booking.payment!.paymentRef} for booking ${bookingId} is refunded: ${refund.status}`,
      );
      const outcome = await runCommand(
        this.store,
        bookingDecider,
        bookingStream(bookingId),
        { type: 'RefundBooking', bookingId, refundRef: refund.refundRef, amount },
        { ...context, commandId: refundId, causationId: context.commandId },
      );
      refunded = outcome.state!;
      position = outcome.position;
    }
    if (refunded.previousStatus !== BookingStatus.CONFIRMED) return { booking: refunded, position };
    const ticketsPosition = await this.tickets.refundAll(refunded, refunded.refundRef!, context);
    await this.holds.returnSold(soldUnitsOf(refunded), 'REFUNDED', context);
    return { booking: refunded, position: latestPosition([position, ticketsPosition]) };
  }
}

/** What a sold booking gives back: each ticket type's units, counted under its buyer. */
export function soldUnitsOf(booking: BookingState) {
  return {
    ...booking.reference,
    items: booking.items.map(({ ticketTypeId, quantity }) => ({ ticketTypeId, quantity })),
  };
}
