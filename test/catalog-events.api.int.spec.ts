import { loadConfig } from '@ticketing/platform';
import { printHistory } from '../apps/admin/src/commands/history.command';
import { withInfrastructure } from '../apps/admin/src/with-infrastructure';
import { type RunningApi, signUp, startApi } from './support/api-harness';
import { festivalInput, setUpAt } from './support/festival';

const EVENT_FIELDS = 'id title status format organizerId version venue { name city } maxCapacity';
const CREATE = `mutation Create($input: CreateEventInput!) { createEvent(input: $input) { ${EVENT_FIELDS} } }`;
const UPDATE = `mutation Update($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { ${EVENT_FIELDS} } }`;
const PUBLISH = `mutation Publish($id: ID!) { publishEvent(id: $id) { ${EVENT_FIELDS} } }`;
const EVENTS = `query Events($filter: EventsFilter) { events(filter: $filter) { edges { node { ${EVENT_FIELDS} } } } }`;

const festival = { ...festivalInput, registrationClosesAt: '2026-07-12T18:00:00Z' };

describe('an organizer builds an event through GraphQL', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({}, setUpAt);
  });
  afterAll(() => api.close());

  it('creates, updates and publishes an event that survives a restart and shows every change in its history', async () => {
    const organizer = await signUp(api, 'ORGANIZER');
    const created = await api.graphql(CREATE, { input: festival }, organizer.token);
    expect(created.errors).toBeUndefined();
    const event = created.data!.createEvent;
    expect(event).toMatchObject({ status: 'DRAFT', organizerId: organizer.userId, version: 1 });

    const updated = await api.graphql(
      UPDATE,
      { id: event.id, input: { maxCapacity: 6000 } },
      organizer.token,
    );
    expect(updated.data?.updateEvent).toMatchObject({ maxCapacity: 6000, version: 2 });
    const published = await api.graphql(PUBLISH, { id: event.id }, organizer.token);
    expect(published.data?.publishEvent).toMatchObject({ status: 'PUBLISHED', version: 3 });

    await api.restart();
    const listed = await api.graphql(EVENTS, { filter: { status: 'PUBLISHED' } });
    expect(listed.data?.events.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(event.id);

    await api.close();
    const lines: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    try {
      await withInfrastructure(loadConfig({ DATA_DIR: api.dataDir }), (infrastructure) =>
        printHistory(infrastructure, `event-${event.id}`, {}),
      );
    } finally {
      log.mockRestore();
      await api.restart();
    }
    const history = lines.join('\n');
    expect(history).toMatch(new RegExp(`#0 EventCreated .* by ${organizer.userId} \\(${organizer.email}\\)`));
    expect(history).toMatch(new RegExp(`#1 EventUpdated .* by ${organizer.userId}`));
    expect(history).toMatch(new RegExp(`#2 EventPublished .* by ${organizer.userId}`));
  });

  it("forbids another organizer from changing someone else's event", async () => {
    const owner = await signUp(api, 'ORGANIZER');
    const intruder = await signUp(api, 'ORGANIZER');
    const { data } = await api.graphql(CREATE, { input: festival }, owner.token);
    await api.graphql(PUBLISH, { id: data!.createEvent.id }, owner.token);
    const attempt = await api.graphql(
      UPDATE,
      { id: data!.createEvent.id, input: { title: 'Mine now' } },
      intruder.token,
    );
    expect(attempt.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('answers malformed input with VALIDATION_FAILED listing each field', async () => {
    const organizer = await signUp(api, 'ORGANIZER');
    const result = await api.graphql(
      CREATE,
      {
        input: { ...festival, title: 'x', maxCapacity: 0, venue: { ...festival.venue, country: 'Portugal' } },
      },
      organizer.token,
    );
    expect(result.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
    const fields = (result.errors?.[0].extensions.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['maxCapacity', 'title', 'venue.country']);
  });

  it('names the broken rule when the schedule is impossible', async () => {
    const organizer = await signUp(api, 'ORGANIZER');
    const result = await api.graphql(
      CREATE,
      { input: { ...festival, endsAt: '2026-07-09T00:00:00Z' } },
      organizer.token,
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BUSINESS_RULE_VIOLATION',
      reason: 'EVENT_ENDS_BEFORE_START',
    });
  });

  it("hides another organizer's draft as if it did not exist", async () => {
    const owner = await signUp(api, 'ORGANIZER');
    const other = await signUp(api, 'ORGANIZER');
    const { data } = await api.graphql(CREATE, { input: festival }, owner.token);
    const seen = await api.graphql(
      `query($id: ID!) { event(id: $id) { id } }`,
      { id: data!.createEvent.id },
      other.token,
    );
    expect(seen.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('query limits', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({ GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_COMPLEXITY: '50' });
  });
  afterAll(() => api.close());

  it('refuses a query deeper than the configured depth', async () => {
    const result = await api.graphql('{ events { edges { node { venue { name } } } } }');
    expect(result.errors?.[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a query costing more than the configured complexity', async () => {
    const result = await api.graphql('{ events(first: 100) { pageInfo { hasNextPage } } }');
    expect(result.errors?.[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });
});
