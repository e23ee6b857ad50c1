import { AppError, ErrorCode } from '@ticketing/platform/domain';

/** Stable `reason`s of payment failures; clients and the bookings context branch on them. */
export const PaymentErrorReason = {
  /** The customer's bank or card network said no; another card may work. */
  DECLINED: 'PAYMENT_DECLINED',
  /** The gateway refused the request itself (already refunded, amount above what is left...). */
  REJECTED: 'PAYMENT_REJECTED',
  /** The same booking or refund key was used again with different terms. */
  IDEMPOTENCY_CONFLICT: 'PAYMENT_IDEMPOTENCY_CONFLICT',
  /** The gateway could not be reached or refused our credentials; retrying later may work. */
  GATEWAY_UNAVAILABLE: 'PAYMENT_GATEWAY_UNAVAILABLE',
} as const;
export type PaymentErrorReason = (typeof PaymentErrorReason)[keyof typeof PaymentErrorReason];

const codeOf: Record<PaymentErrorReason, ErrorCode> = {
  PAYMENT_DECLINED: ErrorCode.BUSINESS_RULE_VIOLATION,
  PAYMENT_REJECTED: ErrorCode.BUSINESS_RULE_VIOLATION,
  PAYMENT_IDEMPOTENCY_CONFLICT: ErrorCode.CONFLICT,
  PAYMENT_GATEWAY_UNAVAILABLE: ErrorCode.SERVICE_UNAVAILABLE,
};

/** A payment the gateway did not carry out. An `AppError`, so GraphQL answers it with its code and reason. */
export class PaymentError extends AppError {
  constructor(
    override readonly reason: PaymentErrorReason,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(codeOf[reason], message, reason, details);
    this.name = 'PaymentError';
  }
}
