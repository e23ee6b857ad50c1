import { SIGN_UP } from './support/api-harness';
import {
  type ApiBuild,
  type ApiProcess,
  buildApi,
  sharedSigningKeyJwk,
  startApiProcess,
} from './support/api-processes';
import { CREATE_EVENT, CREATE_TICKET_TYPE, PUBLISH_EVENT } from './support/festival';
import {
  createTemporaryDatabase,
  describeOnPostgres,
  type TemporaryDatabase,
} from './support/temporary-database';

const CREATE_PROMO_CODE = `mutation($input: CreatePromoCodeInput!) { createPromoCode(input: $input) { code } }`;
const PLACE_BOOKING = `mutation($input: PlaceBookingInput!) {
  placeBooking(input: $input) { booking { id status amounts { discount } } } }`;
const TICKET_TYPES = `query($eventId: ID!) { ticketTypes(eventId: $eventId) { id held sold available } }`;

/** Enough requests in flight at once that both processes decide on the same streams at the same moments. */
const IN_FLIGHT = 64;
const hour = 3_600_000;

type Outcome = { status: string; discount: number } | { refused: string };

/**
 * Two API processes on one Postgres store, as behind a load balancer: each has its own owner of the hot streams,
 * so only the store's expected-revision check stands between them and a unit, an allowance or a code's use granted
 * twice. Requests alternate between the processes.
 */
async function signUpOn(api: ApiProcess, role: 'ORGANIZER' | 'CUSTOMER'): Promise<{ token: string }> {
  const email = `${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.com`;
  const result = await api.graphql(SIGN_UP, {
    input: { email, password: 'correct horse battery staple', displayName: 'Someone', role },
  });
  if (!result.data) throw new Error(`sign-up failed: ${JSON.stringify(result.errors)}`);
  return { token: result.data.signUp.accessToken };
}

describeOnPostgres('two API processes sharing one store under concurrent bookings', () => {
  let database: TemporaryDatabase;
  let build: ApiBuild;
  const processes: ApiProcess[] = [];
  let organizerToken: string;
  let eventId: string;
  let flash: string;
  let limited: string;
  let promoted: string;

  beforeAll(async () => {
    database = await createTemporaryDatabase(process.env.TEST_DATABASE_URL!);
    build = await buildApi();
    const env = { DATABASE_URL: database.url, AUTH_SIGNING_KEY_JWK: sharedSigningKeyJwk() };
    // One after the other: the first creates the schema, so the second only finds it.
    processes.push(await startApiProcess(build, env));
    processes.push(await startApiProcess(build, env));
    const [first] = processes;
    organizerToken = (await signUpOn(first, 'ORGANIZER')).token;
    const now = Date.now();
    const created = await first.graphql(
      CREATE_EVENT,
      {
        input: {
          title: 'Midnight Release Party',
          description: 'Doors at eleven.',
          format: 'IN_PERSON',
          venue: { name: 'The Vault', address: '3 Mill Lane', city: 'Leeds', country: 'GB' },
          startsAt: new Date(now + 48 * hour).toISOString(),
          endsAt: new Date(now + 52 * hour).toISOString(),
          timeZone: 'Europe/London',
          registrationOpensAt: new Date(now - hour).toISOString(),
          registrationClosesAt: new Date(now + 48 * hour).toISOString(),
        },
      },
      organizerToken,
    );
    eventId = created.data!.createEvent.id;
    const ticketType = async (input: Record<string, unknown>) => {
      const paid = {
        pricingType: 'PAID',
        attendanceMode: 'IN_PERSON',
        price: { amount: 2500, currency: 'GBP' },
      };
      const result = await first.graphql(
        CREATE_TICKET_TYPE,
        { eventId, input: { ...paid, ...input } },
        organizerToken,
      );
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data.createTicketType.id as string;
    };
    flash = await ticketType({ name: 'Flash sale', totalQuantity: 100 });
    limited = await ticketType({
      name: 'Limited per fan',
      totalQuantity: 1000,
      maxPerOrder: 1,
      maxPerUser: 5,
    });
    promoted = await ticketType({ name: 'Early fans', totalQuantity: 1000 });
    await first.graphql(PUBLISH_EVENT, { id: eventId }, organizerToken);
    const code = await processes[1].graphql(
      CREATE_PROMO_CODE,
      { input: { eventId, code: 'FIRST10', discount: { percentOff: 50 }, maxUses: 10 } },
      organizerToken,
    );
    if (!code.data) throw new Error(JSON.stringify(code.errors));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(processes.map((api) => api.stop()));
    await database?.drop();
    build?.remove();
  });

  /** `count` bookings of one unit, the i-th sent to process i mod 2, `IN_FLIGHT` at a time. */
  async function placeConcurrently(
    count: number,
    booking: (index: number) => { input: Record<string, unknown>; token?: string },
  ): Promise<Outcome[]> {
    const outcomes: Outcome[] = new Array(count);
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < count; index = next++) {
        const { input, token } = booking(index);
        const result = await processes[index % 2].graphql(
          PLACE_BOOKING,
          { input: { eventId, idempotencyKey: `checkout-${index}-${Math.random()}`, ...input } },
          token,
        );
        const placed = result.data?.placeBooking?.booking;
        outcomes[index] = placed
          ? { status: placed.status, discount: placed.amounts.discount }
          : { refused: `${result.errors?.[0].extensions.code}/${result.errors?.[0].extensions.reason}` };
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    return outcomes;
  }

  function tally(outcomes: Outcome[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const outcome of outcomes) {
      const key = 'status' in outcome ? outcome.status : outcome.refused;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  /** The inventory read model trails the log; it is read until it shows what the log decided, or 10 s pass. */
  async function countsOnceSettled(ticketTypeId: string, held: number) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const result = await processes[0].graphql(TICKET_TYPES, { eventId }, organizerToken);
      const counts = result.data!.ticketTypes.find((type: { id: string }) => type.id === ticketTypeId);
      if (counts.held === held || Date.now() > deadline) return counts;
      await new Promise((wake) => setTimeout(wake, 100));
    }
  }

  it('600 concurrent bookings of one unit for a capacity of 100 leave exactly 100 held and 500 refused SOLD_OUT', async () => {
    const outcomes = await placeConcurrently(600, (index) => ({
      input: {
        guest: { email: `flash-${index}@example.com`, name: 'Flash Buyer' },
        items: [{ ticketTypeId: flash, quantity: 1 }],
      },
    }));

    expect(tally(outcomes)).toEqual({ PENDING: 100, 'BUSINESS_RULE_VIOLATION/SOLD_OUT': 500 });
    expect(await countsOnceSettled(flash, 100)).toMatchObject({ held: 100, sold: 0, available: 0 });
  });

  it('60 concurrent bookings by one buyer allowed 5 leave exactly 5 held and 55 refused MAX_PER_USER_EXCEEDED', async () => {
    const fan = await signUpOn(processes[1], 'CUSTOMER');

    const outcomes = await placeConcurrently(60, () => ({
      input: { items: [{ ticketTypeId: limited, quantity: 1 }] },
      token: fan.token,
    }));

    expect(tally(outcomes)).toEqual({ PENDING: 5, 'BUSINESS_RULE_VIOLATION/MAX_PER_USER_EXCEEDED': 55 });
    expect(await countsOnceSettled(limited, 5)).toMatchObject({ held: 5, available: 995 });
  });

  it('100 concurrent bookings with a code allowed 10 uses leave exactly 10 discounted and 90 refused PROMO_CODE_EXHAUSTED', async () => {
    const outcomes = await placeConcurrently(100, (index) => ({
      input: {
        guest: { email: `fan-${index}@example.com`, name: 'Early Fan' },
        items: [{ ticketTypeId: promoted, quantity: 1 }],
        promoCode: 'first10',
      },
    }));

    expect(tally(outcomes)).toEqual({ PENDING: 10, 'BUSINESS_RULE_VIOLATION/PROMO_CODE_EXHAUSTED': 90 });
    expect(outcomes.filter((outcome) => 'status' in outcome && outcome.discount === 1250)).toHaveLength(10);
    expect(await countsOnceSettled(promoted, 10)).toMatchObject({ held: 10 });
  });
});
