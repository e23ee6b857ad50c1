import { ruleViolation } from '@ticketing/platform/domain';

/**
 * Codes are read off posters and typed by people: case and surrounding spaces do not matter. The normalised code
 * names the code's stream, so "early10" and "EARLY10" are one code with one count of uses.
 */
export function normalisePromoCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Letters, digits, dashes and underscores only: the code is part of a stream name and is read out loud. */
export function assertValidPromoCode(code: string): void {
  if (!/^[A-Z0-9_-]{3,32}$/.test(code)) {
    throw ruleViolation(
      'INVALID_PROMO_CODE',
      'A promo code has 3 to 32 letters, digits, dashes or underscores',
      { code },
    );
  }
}
