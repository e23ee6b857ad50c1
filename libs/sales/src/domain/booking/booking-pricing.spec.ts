import type { PromoCodeRedemption } from '../promo-code/promo-discount';
import { integerBetween, pickFrom, seededRandom } from '../testing/seeded-random';
import { type LineToPrice, priceBooking } from './booking-pricing';
import { PricingType } from './ticket-type-terms';

const line = (
  ticketTypeId: string,
  quantity: number,
  unitPrice: number,
  pricingType: PricingType = PricingType.PAID,
): LineToPrice => ({
  ticketTypeId,
  ticketTypeName: ticketTypeId.toUpperCase(),
  pricingType,
  quantity,
  unitPrice,
});
const percentOff = (percent: number, ticketTypeIds: string[] = []): PromoCodeRedemption => ({
  code: 'SALE',
  discount: { kind: 'PERCENT', percentOff: percent },
  ticketTypeIds,
});
const amountOff = (amount: number, ticketTypeIds: string[] = []): PromoCodeRedemption => ({
  code: 'SALE',
  discount: { kind: 'AMOUNT', amountOff: { amount, currency: 'EUR' } },
  ticketTypeIds,
});

describe('pricing a booking in minor units', () => {
  it('a line costs its unit price times its quantity, and the booking the sum of its lines', () => {
    const { lines, amounts } = priceBooking([line('ga', 3, 4500), line('vip', 1, 12000)], 'EUR', null);
    expect(lines.map(({ subtotal, discount, total }) => ({ subtotal, discount, total }))).toEqual([
      { subtotal: 13500, discount: 0, total: 13500 },
      { subtotal: 12000, discount: 0, total: 12000 },
    ]);
    expect(amounts).toEqual({ subtotal: 25500, discount: 0, total: 25500, currency: 'EUR' });
  });

  it('a percentage is rounded half up per line: 10% off 10.05 is 1.01, 10% off 10.04 is 1.00', () => {
    const { lines, amounts } = priceBooking(
      [line('ga', 1, 1005), line('vip', 1, 1004)],
      'EUR',
      percentOff(10),
    );
    expect(lines.map((priced) => priced.discount)).toEqual([101, 100]);
    expect(amounts).toEqual({ subtotal: 2009, discount: 201, total: 1808, currency: 'EUR' });
  });

  it('a percentage applies only to the ticket types the code names', () => {
    const { lines } = priceBooking(
      [line('ga', 2, 1000), line('vip', 1, 5000)],
      'EUR',
      percentOff(50, ['vip']),
    );
    expect(lines.map((priced) => priced.discount)).toEqual([0, 2500]);
  });

  it('100% off makes a line free and never negative', () => {
    const { amounts } = priceBooking([line('ga', 2, 999)], 'EUR', percentOff(100));
    expect(amounts).toEqual({ subtotal: 1998, discount: 1998, total: 0, currency: 'EUR' });
  });

  it('a fixed amount is taken once per booking, from the lines in the order listed, each down to zero at most', () => {
    const { lines, amounts } = priceBooking(
      [line('ga', 1, 1500), line('vip', 1, 3000)],
      'EUR',
      amountOff(2000),
    );
    expect(lines.map((priced) => priced.total)).toEqual([0, 2500]);
    expect(amounts).toEqual({ subtotal: 4500, discount: 2000, total: 2500, currency: 'EUR' });
  });

  it('a fixed amount larger than the booking makes it free, never negative', () => {
    const { amounts } = priceBooking([line('ga', 1, 1500)], 'EUR', amountOff(5000));
    expect(amounts).toEqual({ subtotal: 1500, discount: 1500, total: 0, currency: 'EUR' });
  });

  it('a donation and a free ticket are never discounted', () => {
    const lines = [
      line('gift', 1, 2500, PricingType.DONATION),
      line('free', 2, 0, PricingType.FREE),
      line('ga', 1, 1000),
    ];
    const { amounts } = priceBooking(lines, 'EUR', amountOff(10_000));
    expect(amounts).toEqual({ subtotal: 3500, discount: 1000, total: 2500, currency: 'EUR' });
  });

  it('whatever the lines and the code, totals are never negative and equal the sum of line totals, the subtotal minus the discount', () => {
    const random = seededRandom(7);
    for (let run = 0; run < 2000; run++) {
      const lines = Array.from({ length: integerBetween(random, 1, 5) }, (_, index) => {
        const pricingType = pickFrom(random, Object.values(PricingType));
        const unitPrice = pricingType === PricingType.FREE ? 0 : integerBetween(random, 0, 100_000);
        return line(`t${index}`, integerBetween(random, 1, 10), unitPrice, pricingType);
      });
      const named = lines.filter(() => random() < 0.5).map((priced) => priced.ticketTypeId);
      const promoCode = pickFrom(random, [
        null,
        percentOff(integerBetween(random, 1, 100), named),
        amountOff(integerBetween(random, 1, 300_000), named),
      ]);
      const { lines: priced, amounts } = priceBooking(lines, 'EUR', promoCode);
      const sum = (field: 'subtotal' | 'discount' | 'total') =>
        priced.reduce((total, p) => total + p[field], 0);
      for (const { subtotal, discount, total } of priced) {
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBe(subtotal - discount);
        expect(Number.isInteger(discount)).toBe(true);
      }
      expect(amounts.total).toBeGreaterThanOrEqual(0);
      expect(amounts.total).toBe(sum('total'));
      expect(amounts.total).toBe(amounts.subtotal - amounts.discount);
      expect(amounts.subtotal).toBe(sum('subtotal'));
      if (promoCode?.discount.kind === 'AMOUNT') {
        expect(amounts.discount).toBeLessThanOrEqual(promoCode.discount.amountOff.amount);
      }
    }
  });
});
