import { notFound, ruleViolation } from '@ticketing/platform/domain';
import { assertCurrencyCode, assertWholeAmount } from '../money';
import type { PromoCodeRedemption } from '../promo-code/promo-discount';
import { isDiscountable, type LineToPrice } from './booking-pricing';
import type { BookingItemRequest } from './booking.commands';
import { PricingType, SalesChannel } from './ticket-type-terms';

export function assertValidItems(items: readonly BookingItemRequest[]): void {
  if (items.length === 0) throw ruleViolation('INVALID_QUANTITY', 'A booking holds at least one ticket');
  for (const { ticketTypeId, quantity } of items) {
    if (!Number.isSafeInteger(quantity) || quantity < 1) {
      throw ruleViolation(
        'INVALID_QUANTITY',
        `A quantity is a whole number of at least 1, not ${quantity} (ticket type ${ticketTypeId})`,
      );
    }
  }
  if (new Set(items.map((item) => item.ticketTypeId)).size !== items.length) {
    throw ruleViolation('DUPLICATE_TICKET_TYPE', 'List each ticket type once, with its total quantity');
  }
}

/**
 * A type this buyer may not see is answered as if it did not exist, so an invitation-only type is not revealed to
 * someone guessing ids. One booking is for one event: its tickets, payment and refund are handled as one.
 */
export function assertBuyable(eventId: string, { ticketTypeId, terms }: BookingItemRequest): void {
  if (!terms.isVisibleToBuyer) throw notFound('Ticket type', ticketTypeId);
  if (terms.eventId !== eventId) {
    throw ruleViolation(
      'TICKET_TYPE_OF_OTHER_EVENT',
      `Ticket type ${ticketTypeId} is not sold for this event`,
    );
  }
  if (!terms.isOnSale) {
    throw ruleViolation('TICKET_TYPE_NOT_ON_SALE', `${terms.name} is not on sale now`, { ticketTypeId });
  }
  if (terms.salesChannel === SalesChannel.AT_DOOR_ONLY) {
    throw ruleViolation('NOT_SOLD_ONLINE', `${terms.name} is sold only at the door`, { ticketTypeId });
  }
}

export function assertWithinOrderLimits({ ticketTypeId, quantity, terms }: BookingItemRequest): void {
  const { minPerOrder, maxPerOrder, name } = terms;
  if (quantity < minPerOrder) {
    throw ruleViolation('MIN_PER_ORDER_NOT_MET', `${name} is sold at least ${minPerOrder} per order`, {
      ticketTypeId,
      minPerOrder,
      requested: quantity,
    });
  }
  if (quantity > maxPerOrder) {
    throw ruleViolation('MAX_PER_ORDER_EXCEEDED', `${name} is sold at most ${maxPerOrder} per order`, {
      ticketTypeId,
      maxPerOrder,
      requested: quantity,
    });
  }
}

/** The line's unit price and the currency it is in, if it names one. */
export function lineOf(item: BookingItemRequest): { line: LineToPrice; currency: string | null } {
  const { ticketTypeId, quantity, donation, terms } = item;
  const line = { ticketTypeId, ticketTypeName: terms.name, pricingType: terms.pricingType, quantity };
  if (terms.pricingType !== PricingType.DONATION && donation) {
    throw ruleViolation('DONATION_NOT_ACCEPTED', `${terms.name} has a price; it takes no donation`, {
      ticketTypeId,
    });
  }
  switch (terms.pricingType) {
    case PricingType.PAID: {
      if (!terms.price || terms.price.amount <= 0) {
        throw ruleViolation('PRICE_REQUIRED', `${terms.name} is PAID but has no price`, { ticketTypeId });
      }
      assertWholeAmount(terms.price.amount, `The price of ${terms.name}`);
      return { line: { ...line, unitPrice: terms.price.amount }, currency: terms.price.currency };
    }
    case PricingType.FREE:
      return { line: { ...line, unitPrice: 0 }, currency: terms.price?.currency ?? null };
    case PricingType.DONATION:
      return { line: { ...line, unitPrice: donationOf(item) }, currency: donation?.currency ?? null };
  }
}

/** One donation per order, of at least the minimum, in the minimum's currency. */
function donationOf({ ticketTypeId, quantity, donation, terms }: BookingItemRequest): number {
  if (quantity !== 1) {
    throw ruleViolation('DONATION_LIMITED_TO_ONE', `${terms.name} takes one donation per order`, {
      ticketTypeId,
    });
  }
  if (!donation) {
    throw ruleViolation('DONATION_AMOUNT_REQUIRED', `Say how much you give for ${terms.name}`, {
      ticketTypeId,
    });
  }
  assertWholeAmount(donation.amount, 'A donation');
  assertCurrencyCode(donation.currency);
  const minimum = terms.minimumDonation;
  if (minimum && donation.currency !== minimum.currency) {
    throw ruleViolation('MIXED_CURRENCIES', `${terms.name} takes donations in ${minimum.currency}`, {
      ticketTypeId,
    });
  }
  if (minimum && donation.amount < minimum.amount) {
    throw ruleViolation(
      'DONATION_BELOW_MINIMUM',
      `${terms.name} takes donations of at least ${minimum.amount} minor units of ${minimum.currency}`,
      { ticketTypeId, minimum, donation: donation.amount },
    );
  }
  return donation.amount;
}

/** One payment is taken per booking, so it is in one currency; null when nothing in it names one. */
export function bookingCurrency(currencies: readonly (string | null)[]): string | null {
  const named = [...new Set(currencies.filter((currency): currency is string => currency !== null))];
  if (named.length > 1) {
    throw ruleViolation(
      'MIXED_CURRENCIES',
      `One booking is paid in one currency, not ${named.join(' and ')}`,
      {
        currencies: named,
      },
    );
  }
  return named[0] ?? null;
}

/**
 * The code was granted for this booking's ticket types; it must still take money off a paid line, in the booking's
 * currency when it is a fixed amount, or the buyer would be charged as if it did.
 */
export function assertPromoCodeApplies(
  promoCode: PromoCodeRedemption,
  lines: readonly LineToPrice[],
  currency: string | null,
): void {
  if (!lines.some((line) => isDiscountable(line, promoCode))) {
    throw ruleViolation(
      'PROMO_CODE_NOT_APPLICABLE',
      `The promo code ${promoCode.code} takes nothing off the paid tickets in this booking`,
    );
  }
  const { discount } = promoCode;
  if (discount.kind === 'AMOUNT' && discount.amountOff.currency !== currency) {
    throw ruleViolation(
      'PROMO_CODE_CURRENCY_MISMATCH',
      `The promo code ${promoCode.code} takes ${discount.amountOff.currency} off; this booking is in ${currency}`,
    );
  }
}
