import { Injectable, Logger } from '@nestjs/common';
import type {
  PaymentCanceledNotice,
  PaymentEventHandler,
  PaymentFailedNotice,
  PaymentNotice,
} from './payment-event-handler.port';

/**
 * Bound to `PAYMENT_EVENT_HANDLER` until bookings exist to confirm or release: it logs each outcome and changes
 * nothing. The webhook in front of it verifies and deduplicates for real.
 */
@Injectable()
export class StandInPaymentEventHandler implements PaymentEventHandler {
  private readonly logger = new Logger(StandInPaymentEventHandler.name);

  async onPaymentSucceeded(notice: PaymentNotice): Promise<void> {
    this.logger.log(
      `Payment ${notice.paymentRef} for booking ${notice.bookingId} succeeded: ${notice.amount} ${notice.currency}`,
    );
  }

  async onPaymentFailed(notice: PaymentFailedNotice): Promise<void> {
    this.logger.log(
      `Payment ${notice.paymentRef} for booking ${notice.bookingId} failed: ${notice.failureCode ?? 'no code'}`,
    );
  }

  async onPaymentCanceled(notice: PaymentCanceledNotice): Promise<void> {
    this.logger.log(
      `Payment ${notice.paymentRef} for booking ${notice.bookingId} was canceled: ${notice.cancellationReason ?? 'no reason'}`,
    );
  }
}
