import { PaymentError, PaymentErrorReason } from './payment.errors';
import type {
  CreatedPayment,
  IssuedRefund,
  PaymentGateway,
  PaymentRequest,
  RefundRequest,
} from './payment-gateway.port';
import { assertValidPaymentRequest, assertValidRefundRequest } from './payment-request.validation';

const PAYMENT_REF_PREFIX = 'dev_';

/**
 * The embedded mode's gateway: no network and no money. The payment reference is derived from the booking, so
 * asking twice gives the same answer, as Stripe's idempotency keys do; the bookings context's `confirmBooking`
 * mutation plays the part of the gateway's success callback.
 */
export class DevelopmentPaymentGateway implements PaymentGateway {
  readonly kind = 'development';

  async createPayment(request: PaymentRequest): Promise<CreatedPayment> {
    assertValidPaymentRequest(request);
    return { paymentRef: `${PAYMENT_REF_PREFIX}${request.bookingId}`, clientSecret: null };
  }

  async refund(request: RefundRequest): Promise<IssuedRefund> {
    assertValidRefundRequest(request);
    if (!request.paymentRef.startsWith(PAYMENT_REF_PREFIX)) {
      throw new PaymentError(
        PaymentErrorReason.REJECTED,
        `Payment ${request.paymentRef} was not taken by the development gateway; refund it where it was paid`,
      );
    }
    return { refundRef: `dev_refund_${request.idempotencyKey}`, status: 'succeeded' };
  }
}
