import { ruleViolation } from '@ticketing/platform/domain';
import type { PromoCodeUses } from './promo-code.events';
import { type PromoCodeDefinition, usesLeft } from './promo-code.state';
import { appliesTo } from './promo-discount';

export function assertValidMaxUses(maxUses: number | null): void {
  if (maxUses !== null && (!Number.isSafeInteger(maxUses) || maxUses < 1)) {
    throw ruleViolation(
      'INVALID_MAX_USES',
      'A promo code may be used a whole number of times, at least once',
      {
        maxUses,
      },
    );
  }
}

/** A window that is empty or already over would create a code nobody can ever use. */
export function assertValidWindow(validFrom: Date, validUntil: Date, now: Date): void {
  if (validUntil.getTime() <= validFrom.getTime() || validUntil.getTime() <= now.getTime()) {
    throw ruleViolation(
      'INVALID_VALIDITY_WINDOW',
      'A promo code is valid until a moment after it starts, and that moment is still to come',
      { validFrom: validFrom.toISOString(), validUntil: validUntil.toISOString() },
    );
  }
}

export function assertWithinWindow(definition: PromoCodeDefinition, now: Date): void {
  const { code, validFrom, validUntil } = definition;
  if (now.getTime() < Date.parse(validFrom)) {
    throw ruleViolation('PROMO_CODE_NOT_YET_VALID', `The promo code ${code} is valid from ${validFrom}`, {
      validFrom,
    });
  }
  if (now.getTime() >= Date.parse(validUntil)) {
    throw ruleViolation('PROMO_CODE_EXPIRED', `The promo code ${code} was valid until ${validUntil}`, {
      validUntil,
    });
  }
}

/** A code that takes nothing off the booking would spend a use for nothing, so it is refused instead. */
export function assertAppliesToBooking(
  definition: PromoCodeDefinition,
  bookingTicketTypeIds: string[],
): void {
  if (!bookingTicketTypeIds.some((ticketTypeId) => appliesTo(definition, ticketTypeId))) {
    throw ruleViolation(
      'PROMO_CODE_NOT_APPLICABLE',
      `The promo code ${definition.code} does not apply to the tickets in this booking`,
      { applicableTicketTypeIds: definition.ticketTypeIds },
    );
  }
}

export function assertUseLeft(code: string, uses: PromoCodeUses): void {
  if (usesLeft(uses) < 1) {
    throw ruleViolation(
      'PROMO_CODE_EXHAUSTED',
      `The promo code ${code} has been used as often as it may be`,
      {
        ...uses,
      },
    );
  }
}
