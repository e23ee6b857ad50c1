import { bookingIdFor } from './sales-streams';

describe('bookingIdFor', () => {
  it('gives the same booking id to the same buyer sending the same idempotency key', () => {
    expect(bookingIdFor('user:42', 'checkout-7')).toBe(bookingIdFor('user:42', 'checkout-7'));
  });

  it("keeps two buyers' bookings apart even when they send the same idempotency key", () => {
    expect(bookingIdFor('user:42', 'checkout-7')).not.toBe(
      bookingIdFor('guest:ann@example.com', 'checkout-7'),
    );
  });

  it("gives one buyer's different idempotency keys different bookings", () => {
    expect(bookingIdFor('user:42', 'checkout-7')).not.toBe(bookingIdFor('user:42', 'checkout-8'));
  });
});
