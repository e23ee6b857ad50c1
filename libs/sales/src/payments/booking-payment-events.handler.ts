import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, runCommand } from '@ticketing/event-store';
import { Clock, commandContextFor } from '@ticketing/platform';
import { AppError, SYSTEM_ACTOR } from '@ticketing/platform/domain';
import { BookingHolds } from '../application/booking-holds';
import { ConfirmBookingCommand } from '../application/confirm-booking.handler';
import { bookingStream } from '../application/sales-streams';
import { BookingStatus } from '../domain/booking/booking-status';
import { bookingDecider } from '../domain/booking/booking.decider';
import type {
  PaymentCanceledNotice,
  PaymentEventHandler,
  PaymentFailedNotice,
  PaymentNotice,
} from './payment-event-handler.port';
import { PAYMENT_GATEWAY, type PaymentGateway } from './payment-gateway.port';

/**
 * Turns the gateway's reports into booking commands, each under the report's id, so a report delivered again
 * appends nothing twice. A report naming a booking this system never recorded (another environment sharing the
 * gateway account) is logged and acknowledged: delivering it again could never succeed.
 */
@Injectable()
export class BookingPaymentEventsHandler implements PaymentEventHandler {
  private readonly logger = new Logger(BookingPaymentEventsHandler.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commandBus: CommandBus,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly holds: BookingHolds,
    private readonly clock: Clock,
  ) {}

  async onPaymentSucceeded(notice: PaymentNotice): Promise<void> {
    if (!(await this.isKnown(notice))) return;
    const { notificationId, bookingId, paymentRef, amount, currency } = notice;
    try {
      await this.commandBus.execute(
        new ConfirmBookingCommand(
          { bookingId, paymentRef, amount, currency },
          notificationId,
          notificationId,
        ),
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.reason !== 'BOOKING_ALREADY_PAID') throw error;
      await this.refundDuplicate(notice);
    }
  }

  async onPaymentFailed(notice: PaymentFailedNotice): Promise<void> {
    await this.failPayment(notice, notice.failureCode, notice.failureMessage);
  }

  async onPaymentCanceled(notice: PaymentCanceledNotice): Promise<void> {
    await this.failPayment(notice, 'payment_canceled', notice.cancellationReason);
  }

  /**
   * The hold is given back only when the booking recorded the failure: a failure reported after the booking has an
   * outcome (a retried card succeeded) must leave its sold units alone.
   */
  private async failPayment(
    notice: PaymentNotice,
    failureCode: string | null,
    failureMessage: string | null,
  ): Promise<void> {
    if (!(await this.isKnown(notice))) return;
    const { notificationId, bookingId, paymentRef } = notice;
    const context = {
      ...commandContextFor(
        { principal: null, correlationId: notificationId },
        this.clock.now(),
        notificationId,
      ),
      actor: SYSTEM_ACTOR,
    };
    const outcome = await runCommand(
      this.store,
      bookingDecider,
      bookingStream(bookingId),
      { type: 'FailPayment', bookingId, paymentRef, failureCode, failureMessage },
      context,
    );
    const booking = outcome.state!;
    if (booking.status === BookingStatus.PAYMENT_FAILED) {
      await this.holds.releaseEnded(booking.reference, 'PAYMENT_FAILED', context);
    }
  }

  /**
   * A second payment for a booking another payment bought buys nothing, so it goes back at once. Refusing the notice
   * instead would have the gateway deliver it again forever; the refund's key is the payment's, so redeliveries
   * refund it once.
   */
  private async refundDuplicate({ bookingId, paymentRef }: PaymentNotice): Promise<void> {
    const refund = await this.gateway.refund({
      paymentRef,
      reason: 'duplicate',
      idempotencyKey: `${bookingId}/duplicate-payment-${paymentRef}`,
    });
    this.logger.warn(
      `Booking ${bookingId} was already paid; the second payment ${paymentRef} is refunded: ${refund.status}`,
    );
  }

  private async isKnown({ bookingId, notificationId }: PaymentNotice): Promise<boolean> {
    const history = await this.store.readStream(bookingStream(bookingId));
    if (history.length > 0) return true;
    this.logger.warn(`Payment notice ${notificationId} names booking ${bookingId}, which does not exist`);
    return false;
  }
}
