import { type FieldError, validationFailed } from '@ticketing/platform/domain';
import type { PaymentRequest, RefundRequest } from './payment-gateway.port';

/** Stripe keeps idempotency keys up to this length. */
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * Both gateways refuse the same malformed requests, so a bug in a caller shows up in development, not first in
 * production against Stripe.
 */
export function assertValidPaymentRequest(request: PaymentRequest): void {
  throwIfAny([
    ...required('bookingId', request.bookingId),
    ...positiveInteger('amount', request.amount),
    ...(/^[A-Z]{3}$/.test(request.currency)
      ? []
      : [field('currency', 'must be an ISO 4217 code such as EUR')]),
  ]);
}

export function assertValidRefundRequest(request: RefundRequest): void {
  throwIfAny([
    ...required('paymentRef', request.paymentRef),
    ...(request.amount === undefined ? [] : positiveInteger('amount', request.amount)),
    ...required('idempotencyKey', request.idempotencyKey),
    ...(request.idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH
      ? [field('idempotencyKey', `must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`)]
      : []),
  ]);
}

function required(name: string, value: string): FieldError[] {
  return value.trim() === '' ? [field(name, 'must not be empty')] : [];
}

function positiveInteger(name: string, value: number): FieldError[] {
  return Number.isSafeInteger(value) && value > 0
    ? []
    : [field(name, 'must be a positive integer in minor units (cents)')];
}

function field(name: string, message: string): FieldError {
  return { field: name, messages: [message] };
}

function throwIfAny(errors: FieldError[]): void {
  if (errors.length > 0) throw validationFailed(errors);
}
