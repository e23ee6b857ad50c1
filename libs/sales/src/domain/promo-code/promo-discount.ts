import { ruleViolation } from '@ticketing/platform/domain';
import { assertCurrencyCode, type Money } from '../money';

/** A share of the price in whole percent, or a fixed amount off the whole booking. */
export type PromoDiscount = { kind: 'PERCENT'; percentOff: number } | { kind: 'AMOUNT'; amountOff: Money };

/** What a booking receives from a redeemed code, and all the booking needs to price itself. */
export interface PromoCodeRedemption {
  code: string;
  discount: PromoDiscount;
  /** The ticket types it takes money off; empty means every paid one. */
  ticketTypeIds: string[];
}

export function assertValidDiscount(discount: PromoDiscount): void {
  if (discount.kind === 'PERCENT') {
    const { percentOff } = discount;
    if (!Number.isInteger(percentOff) || percentOff < 1 || percentOff > 100) {
      throw ruleViolation('INVALID_PERCENT_OFF', 'A percentage off is a whole number from 1 to 100', {
        percentOff,
      });
    }
    return;
  }
  const { amount, currency } = discount.amountOff;
  if (!Number.isSafeInteger(amount) || amount < 1) {
    throw ruleViolation(
      'INVALID_AMOUNT_OFF',
      'An amount off is a whole number of minor units (cents) above 0',
      {
        amount,
      },
    );
  }
  assertCurrencyCode(currency);
}

/** Whether the code takes money off this ticket type. */
export function appliesTo(
  redemption: Pick<PromoCodeRedemption, 'ticketTypeIds'>,
  ticketTypeId: string,
): boolean {
  return redemption.ticketTypeIds.length === 0 || redemption.ticketTypeIds.includes(ticketTypeId);
}
