import { refusedFields, validateInput } from '../../../platform/src/graphql/testing/validate-input';
import { PlaceBookingInput } from './place-booking.input';

const validate = (value: Record<string, unknown>) => validateInput(PlaceBookingInput, value);
const invalidFields = (value: Record<string, unknown>) => refusedFields(PlaceBookingInput, value);

const booking = {
  eventId: 'event-1',
  idempotencyKey: 'checkout-7f3a',
  items: [{ ticketTypeId: 'type-1', quantity: 1 }],
};

describe('PlaceBookingInput', () => {
  it("trims a guest's name and refuses a blank one", async () => {
    const placed = await validate({
      ...booking,
      guest: { email: 'alex@example.com', name: '  Alex Reyes ' },
    });
    expect(placed.guest?.name).toBe('Alex Reyes');
    expect(await invalidFields({ ...booking, guest: { email: 'alex@example.com', name: '   ' } })).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['guest.name'],
    });
  });

  it("refuses a guest's address with a space, which a quoted local part would allow", async () => {
    expect(
      await invalidFields({ ...booking, guest: { email: '"alex reyes"@example.com', name: 'Alex' } }),
    ).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['guest.email'],
    });
  });

  it('a donation names its currency in three upper-case letters', async () => {
    const donation = (currency: string) => ({
      ...booking,
      items: [{ ticketTypeId: 'type-1', quantity: 1, donation: { amount: 1000, currency } }],
    });
    expect((await validate(donation('EUR'))).items[0].donation?.currency).toBe('EUR');
    expect(await invalidFields(donation('eur'))).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['items.0.donation.currency'],
    });
  });
});
