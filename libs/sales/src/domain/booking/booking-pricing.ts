import { appliesTo, type PromoCodeRedemption } from '../promo-code/promo-discount';
import { PricingType } from './ticket-type-terms';

/** A line to price: its unit price is already known (the ticket type's price, 0, or the buyer's donation). */
export interface LineToPrice {
  ticketTypeId: string;
  ticketTypeName: string;
  pricingType: PricingType;
  quantity: number;
  unitPrice: number;
}

/** A line of a booking as recorded; every amount is in minor units of the booking's currency. */
export interface PricedLine extends LineToPrice {
  subtotal: number;
  discount: number;
  total: number;
}

/** `currency` is null only when nothing in the booking has a price in any currency (free tickets alone). */
export interface BookingAmounts {
  subtotal: number;
  discount: number;
  total: number;
  currency: string | null;
}

export interface PricedBooking {
  lines: PricedLine[];
  amounts: BookingAmounts;
}

/**
 * Prices a booking in integer minor units. A promo code takes money off PAID lines of the ticket types it names
 * (every PAID line when it names none), never off a donation, which is the buyer's own choice of amount:
 * - a percentage is taken from each line and rounded half up to the cent, so 10% of 10.05 is 1.01;
 * - a fixed amount is taken once per booking, from the lines in the order the buyer listed them, each line down to
 *   zero at most, so a discount larger than the lines costs nothing more and never makes a total negative.
 *
 * @example
 * priceBooking([{ ticketTypeId: 'ga', ticketTypeName: 'GA', pricingType: 'PAID', quantity: 2, unitPrice: 4500 }],
 *   'EUR', { code: 'EARLY10', discount: { kind: 'PERCENT', percentOff: 10 }, ticketTypeIds: [] });
 * // amounts: { subtotal: 9000, discount: 900, total: 8100, currency: 'EUR' }
 */
export function priceBooking(
  lines: readonly LineToPrice[],
  currency: string | null,
  promoCode: PromoCodeRedemption | null,
): PricedBooking {
  let amountLeft = promoCode?.discount.kind === 'AMOUNT' ? promoCode.discount.amountOff.amount : 0;
  const priced = lines.map((line): PricedLine => {
    const subtotal = line.unitPrice * line.quantity;
    let discount = 0;
    if (promoCode && isDiscountable(line, promoCode)) {
      if (promoCode.discount.kind === 'PERCENT') {
        discount = percentOf(subtotal, promoCode.discount.percentOff);
      } else {
        discount = Math.min(subtotal, amountLeft);
        amountLeft -= discount;
      }
    }
    return { ...line, subtotal, discount, total: subtotal - discount };
  });
  const sum = (field: 'subtotal' | 'discount' | 'total') =>
    priced.reduce((total, line) => total + line[field], 0);
  return {
    lines: priced,
    amounts: { subtotal: sum('subtotal'), discount: sum('discount'), total: sum('total'), currency },
  };
}

export function isDiscountable(
  line: Pick<LineToPrice, 'ticketTypeId' | 'pricingType'>,
  promoCode: Pick<PromoCodeRedemption, 'ticketTypeIds'>,
): boolean {
  return line.pricingType === PricingType.PAID && appliesTo(promoCode, line.ticketTypeId);
}

/** Half a cent and above rounds up; integer arithmetic, because 1.005 is not exact in floating point. */
function percentOf(amount: number, percent: number): number {
  return Math.floor((amount * percent + 50) / 100);
}
