import { type RunningApi, signUp, startApi } from './support/api-harness';
import { CREATE_EVENT, CREATE_TICKET_TYPE, duringSales, PUBLISH_EVENT } from './support/festival';

const hoursAfterSalesStart = (hours: number) => new Date(duringSales.getTime() + hours * 3_600_000);
const conference = {
  title: 'Northern Data Conference',
  description: 'Two days of talks.',
  format: 'IN_PERSON',
  venue: { name: 'Hall 2', address: '1 Dock Road', city: 'Aarhus', country: 'DK' },
  startsAt: '2026-06-10T08:00:00Z',
  endsAt: '2026-06-11T17:00:00Z',
  timeZone: 'Europe/Copenhagen',
  registrationOpensAt: '2026-03-15T09:00:00Z',
  registrationClosesAt: '2026-06-10T08:00:00Z',
};
const CREATE_PROMO_CODE = `mutation($input: CreatePromoCodeInput!) {
  createPromoCode(input: $input) {
    eventId code ticketTypeIds maxUses validFrom validUntil createdBy
    discount { kind percentOff amountOff currency }
    uses { held confirmed }
  }
}`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`;
const admin = { email: 'root@example.com', password: 'a very long admin password' };
const PLACE_BOOKING = `mutation($input: PlaceBookingInput!) {
  placeBooking(input: $input) { booking { id status amounts { subtotal discount total currency } } }
}`;

describe('creating promo codes through GraphQL', () => {
  let api: RunningApi;
  let organizer: { token: string; userId: string };
  let eventId: string;
  let standard: string;
  let workshop: string;
  let keys = 0;

  beforeAll(async () => {
    api = await startApi({ ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password }, duringSales);
    organizer = await signUp(api, 'ORGANIZER');
    const created = await api.graphql(CREATE_EVENT, { input: conference }, organizer.token);
    eventId = created.data!.createEvent.id;
    const ticketType = async (name: string, amount: number) => {
      const input = {
        name,
        pricingType: 'PAID',
        attendanceMode: 'IN_PERSON',
        price: { amount, currency: 'EUR' },
        totalQuantity: 200,
      };
      const result = await api.graphql(CREATE_TICKET_TYPE, { eventId, input }, organizer.token);
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data.createTicketType.id as string;
    };
    standard = await ticketType('Standard', 20000);
    workshop = await ticketType('Workshop', 5000);
    await api.graphql(PUBLISH_EVENT, { id: eventId }, organizer.token);
  });
  afterAll(() => api.close());
  afterEach(() => api.clock.set(duringSales));

  const createPromoCode = (input: Record<string, unknown>, token = organizer.token) =>
    api.graphql(CREATE_PROMO_CODE, { input: { eventId, ...input } }, token);
  const bookWithCode = (promoCode: string, ticketTypeId = standard, quantity = 1) =>
    api.graphql(PLACE_BOOKING, {
      input: {
        eventId,
        promoCode,
        idempotencyKey: `checkout-${++keys}-${Math.random().toString(36).slice(2)}`,
        guest: { email: `buyer-${keys}@example.com`, name: 'Bea Buyer' },
        items: [{ ticketTypeId, quantity }],
      },
    });

  it("the event's organizer creates a code, and a booking with it pays the discounted price", async () => {
    const created = await createPromoCode({
      code: ' spring20 ',
      discount: { percentOff: 20 },
      ticketTypeIds: [standard],
      maxUses: 50,
    });

    expect(created.errors).toBeUndefined();
    expect(created.data!.createPromoCode).toEqual({
      eventId,
      code: 'SPRING20',
      ticketTypeIds: [standard],
      maxUses: 50,
      validFrom: conference.registrationOpensAt.replace('Z', '.000Z'),
      validUntil: conference.registrationClosesAt.replace('Z', '.000Z'),
      createdBy: organizer.userId,
      discount: { kind: 'PERCENT', percentOff: 20, amountOff: null, currency: null },
      uses: { held: 0, confirmed: 0 },
    });
    const booked = await bookWithCode('Spring20', standard, 2);
    expect(booked.errors).toBeUndefined();
    expect(booked.data!.placeBooking.booking).toMatchObject({
      status: 'PENDING',
      amounts: { subtotal: 40000, discount: 8000, total: 32000, currency: 'EUR' },
    });
  });

  it('a fixed amount off applies to every ticket type of the event when none are named, and has no maximum', async () => {
    const created = await createPromoCode({ code: 'TENOFF', discount: { amountOff: 1000, currency: 'EUR' } });

    expect(created.data!.createPromoCode).toMatchObject({
      ticketTypeIds: [],
      maxUses: null,
      discount: { kind: 'AMOUNT', percentOff: null, amountOff: 1000, currency: 'EUR' },
    });
    const booked = await bookWithCode('TENOFF', workshop);
    expect(booked.data!.placeBooking.booking.amounts).toMatchObject({ subtotal: 5000, total: 4000 });
  });

  it('sending the same definition again returns the code; another definition under its name is a CONFLICT', async () => {
    const definition = { code: 'RETRY15', discount: { percentOff: 15 }, maxUses: 3 };
    const first = await createPromoCode(definition);

    const again = await createPromoCode({ ...definition, code: 'retry15' });
    const changed = await createPromoCode({ ...definition, maxUses: 30 });

    expect(again.errors).toBeUndefined();
    expect(again.data!.createPromoCode).toEqual(first.data!.createPromoCode);
    expect(changed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROMO_CODE_TAKEN' });
  });

  it("anyone but the event's organizer or an admin is FORBIDDEN", async () => {
    const stranger = await signUp(api, 'ORGANIZER');
    const customer = await signUp(api, 'CUSTOMER');
    const input = { code: 'MINE50', discount: { percentOff: 50 } };

    for (const token of [stranger.token, customer.token]) {
      const result = await createPromoCode(input, token);
      expect(result.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(result.data).toBeNull();
    }
    expect((await bookWithCode('MINE50')).errors?.[0].extensions.reason).toBe('PROMO_CODE_NOT_FOUND');
  });

  it("an admin creates a code for anyone's event", async () => {
    const loggedIn = await api.graphql(LOG_IN, { input: admin });

    const result = await createPromoCode(
      { code: 'STAFF5', discount: { percentOff: 5 } },
      loggedIn.data!.logIn.accessToken,
    );

    expect(result.errors).toBeUndefined();
    expect(result.data!.createPromoCode.code).toBe('STAFF5');
  });

  it("a stranger is told another organizer's draft event does not exist", async () => {
    const created = await api.graphql(CREATE_EVENT, { input: conference }, organizer.token);
    const stranger = await signUp(api, 'ORGANIZER');

    const result = await api.graphql(
      CREATE_PROMO_CODE,
      { input: { eventId: created.data!.createEvent.id, code: 'DRAFT10', discount: { percentOff: 10 } } },
      stranger.token,
    );

    expect(result.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it("a ticket type that is not the event's is NOT_FOUND", async () => {
    const result = await createPromoCode({
      code: 'ELSEWHERE',
      discount: { percentOff: 10 },
      ticketTypeIds: ['not-a-ticket-type'],
    });

    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'TICKET_TYPE_NOT_FOUND',
    });
  });

  it.each([
    ['a percentage off above 100', { code: 'TOOMUCH', discount: { percentOff: 101 } }, 'discount.percentOff'],
    ['a percentage off of 0', { code: 'NOTHING', discount: { percentOff: 0 } }, 'discount.percentOff'],
    ['no discount at all', { code: 'EMPTY1', discount: {} }, 'discount.percentOff'],
    [
      'both kinds of discount',
      { code: 'BOTHKINDS', discount: { percentOff: 10, amountOff: 500, currency: 'EUR' } },
      'discount.percentOff',
    ],
    ['an amount off without currency', { code: 'NOCURR', discount: { amountOff: 500 } }, 'discount.currency'],
    [
      'an amount off of 0',
      { code: 'ZEROOFF', discount: { amountOff: 0, currency: 'EUR' } },
      'discount.amountOff',
    ],
    ['a code with spaces', { code: 'SUMMER SALE', discount: { percentOff: 10 } }, 'code'],
    ['a code of two characters', { code: 'AB', discount: { percentOff: 10 } }, 'code'],
    ['maxUses of 0', { code: 'NEVER', discount: { percentOff: 10 }, maxUses: 0 }, 'maxUses'],
  ])('%s is refused VALIDATION_FAILED', async (_rule, input, field) => {
    const result = await createPromoCode(input);

    expect(result.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
    expect(result.errors?.[0].extensions.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
  });

  it('a validity window that ends before it starts is refused INVALID_VALIDITY_WINDOW', async () => {
    const result = await createPromoCode({
      code: 'BACKWARDS',
      discount: { percentOff: 10 },
      validFrom: hoursAfterSalesStart(2).toISOString(),
      validUntil: hoursAfterSalesStart(1).toISOString(),
    });

    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BUSINESS_RULE_VIOLATION',
      reason: 'INVALID_VALIDITY_WINDOW',
    });
  });

  it('a code used by maxUses bookings refuses one more with PROMO_CODE_EXHAUSTED', async () => {
    await createPromoCode({ code: 'ONLYTWO', discount: { percentOff: 10 }, maxUses: 2 });
    expect((await bookWithCode('ONLYTWO')).errors).toBeUndefined();
    expect((await bookWithCode('ONLYTWO')).errors).toBeUndefined();

    const third = await bookWithCode('ONLYTWO');

    expect(third.errors?.[0].extensions).toMatchObject({
      code: 'BUSINESS_RULE_VIOLATION',
      reason: 'PROMO_CODE_EXHAUSTED',
    });
  });

  it('a code is refused PROMO_CODE_NOT_YET_VALID before its window and PROMO_CODE_EXPIRED from its end on', async () => {
    await createPromoCode({
      code: 'HAPPYHOUR',
      discount: { percentOff: 30 },
      validFrom: hoursAfterSalesStart(1).toISOString(),
      validUntil: hoursAfterSalesStart(2).toISOString(),
    });

    const early = await bookWithCode('HAPPYHOUR');
    api.clock.set(hoursAfterSalesStart(1));
    const inTime = await bookWithCode('HAPPYHOUR');
    api.clock.set(hoursAfterSalesStart(2));
    const late = await bookWithCode('HAPPYHOUR');

    expect(early.errors?.[0].extensions.reason).toBe('PROMO_CODE_NOT_YET_VALID');
    expect(inTime.errors).toBeUndefined();
    expect(late.errors?.[0].extensions.reason).toBe('PROMO_CODE_EXPIRED');
  });
});
