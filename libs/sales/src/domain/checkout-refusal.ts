import { AppError, ErrorCode } from '@ticketing/platform/domain';

/**
 * What a checkout was told when a rule refused it after the buyer's units were counted (SOLD_OUT, a used-up code...),
 * recorded with the release of those units so that the same request sent again is told the same.
 */
export interface CheckoutRefusal {
  code: ErrorCode;
  reason: string | null;
  message: string;
  details: Record<string, unknown> | null;
}

/**
 * The refusal to record for `error`, or undefined when it is no refusal: a conflict, an outage or a bug may not
 * happen again, so the answer to them is not kept.
 */
export function checkoutRefusalOf(error: unknown): CheckoutRefusal | undefined {
  const refusing: readonly ErrorCode[] = [ErrorCode.BUSINESS_RULE_VIOLATION, ErrorCode.NOT_FOUND];
  if (!(error instanceof AppError) || !refusing.includes(error.code)) return undefined;
  return {
    code: error.code,
    reason: error.reason ?? null,
    message: error.message,
    details: error.details ?? null,
  };
}

/** The recorded refusal, as the first attempt met it. */
export function refusedAgain(refusal: CheckoutRefusal): AppError {
  return new AppError(
    refusal.code,
    refusal.message,
    refusal.reason ?? undefined,
    refusal.details ?? undefined,
  );
}
