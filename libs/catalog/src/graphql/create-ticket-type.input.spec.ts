import { refusedFields, validateInput } from '../../../platform/src/graphql/testing/validate-input';
import { CreateTicketTypeInput } from './create-ticket-type.input';
import { UpdateTicketTypeInput } from './update-ticket-type.input';

type InputClass = typeof CreateTicketTypeInput | typeof UpdateTicketTypeInput;

const validate = (value: Record<string, unknown>, metatype: InputClass = CreateTicketTypeInput) =>
  validateInput<CreateTicketTypeInput | UpdateTicketTypeInput>(metatype, value);

const invalidFields = (value: Record<string, unknown>, metatype: InputClass = CreateTicketTypeInput) =>
  refusedFields(metatype, value);

const required = { name: 'VIP', pricingType: 'PAID', attendanceMode: 'IN_PERSON', totalQuantity: 200 };

describe('CreateTicketTypeInput', () => {
  it('keeps only the fields sent, so the others take their defaults', async () => {
    expect({ ...(await validate(required)) }).toEqual(required);
  });

  it.each(['description', 'salesChannel', 'salesStartsAt', 'maxPerOrder', 'visibility', 'inclusiveItems'])(
    'refuses null for %s, which always has a value',
    async (field) => {
      expect(await invalidFields({ ...required, [field]: null })).toEqual({
        code: 'VALIDATION_FAILED',
        fields: [field],
      });
    },
  );

  it('accepts null for the fields that may be empty', async () => {
    const empty = { price: null, minimumDonation: null, visibilityStartsAt: null, reentryLimit: null };
    expect({ ...(await validate({ ...required, ...empty, refundPolicy: null })) }).toMatchObject(empty);
  });

  it('trims every perk and refuses a blank one', async () => {
    expect((await validate({ ...required, inclusiveItems: ['  Poster  '] })).inclusiveItems).toEqual([
      'Poster',
    ]);
    expect(await invalidFields({ ...required, inclusiveItems: ['Poster', '   '] })).toMatchObject({
      fields: ['inclusiveItems'],
    });
  });

  it('at most 50 perks', async () => {
    const perks = Array.from({ length: 51 }, (_, index) => `Perk ${index}`);
    expect(await invalidFields({ ...required, inclusiveItems: perks })).toMatchObject({
      fields: ['inclusiveItems'],
    });
  });

  it('a price is a whole amount of minor units in an ISO 4217 currency', async () => {
    expect(await invalidFields({ ...required, price: { amount: 45.5, currency: 'eur' } })).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['price.amount', 'price.currency'],
    });
  });

  it.each([
    ['name', 'V'],
    ['totalQuantity', 0],
    ['totalQuantity', 1_000_001],
    ['maxPerOrder', 101],
    ['maxPerUser', 1001],
    ['minPerOrder', 0],
  ])('%s is refused at %p', async (field, value) => {
    expect(await invalidFields({ ...required, [field]: value })).toMatchObject({ fields: [field] });
  });
});

describe('UpdateTicketTypeInput', () => {
  it('takes no capacity: capacity changes through its own update', async () => {
    expect(await invalidFields({ totalQuantity: 300 }, UpdateTicketTypeInput)).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('clears the fields that may be empty with null, and refuses null for the others', async () => {
    expect({ ...(await validate({ price: null }, UpdateTicketTypeInput)) }).toEqual({ price: null });
    expect(await invalidFields({ name: null }, UpdateTicketTypeInput)).toMatchObject({ fields: ['name'] });
  });
});
