import type { RecordedEvent } from '@ticketing/event-store';
import { PglitePool } from '@ticketing/platform';
import { given, Role } from '@ticketing/platform/domain';
import { createReadDatabase, type Database, migrateReadStore } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { findVisibleEvent, listVisibleEvents } from '../application/event.queries';
import { type EventDetailsInput, EventFormat } from '../domain/event-details';
import { type Actor, type EventCommand, eventDecider, EventStatus } from '../domain/event.decider';
import type { EventStreamEvent } from '../domain/event.events';
import { catalogMigrations } from './catalog.migrations';
import { eventListingProjection } from './event-listing.projection';

const organizer: Actor = { userId: 'organizer-1', role: Role.ORGANIZER };
const otherOrganizer: Actor = { userId: 'organizer-2', role: Role.ORGANIZER };
const admin: Actor = { userId: 'admin-1', role: Role.ADMIN };
const customer: Actor = { userId: 'customer-1', role: Role.CUSTOMER };

const createdAt = new Date('2026-03-01T10:00:00.000Z');
const venue = { name: 'Le Quai', address: '12 quai de la Loire', city: 'Paris', country: 'FR' };
const details: EventDetailsInput = {
  title: 'Jazz on the Quay',
  description: 'An evening of jazz by the water.',
  format: EventFormat.IN_PERSON,
  venue,
  startsAt: new Date('2026-06-20T18:00:00.000Z'),
  endsAt: new Date('2026-06-20T23:00:00.000Z'),
  timeZone: 'Europe/Paris',
  registrationOpensAt: new Date('2026-03-01T09:00:00.000Z'),
  registrationClosesAt: new Date('2026-06-20T18:00:00.000Z'),
  maxCapacity: 500,
};

describe('event listing projection and queries', () => {
  let pool: PglitePool;
  let db: Kysely<Database>;
  let histories: Map<string, EventStreamEvent[]>;
  let position = 0n;

  beforeAll(async () => {
    pool = await PglitePool.open();
    db = createReadDatabase(pool);
    await migrateReadStore(db, catalogMigrations);
  });
  afterAll(() => db.destroy());

  beforeEach(async () => {
    histories = new Map();
    await db.deleteFrom('catalog_events').execute();
  });

  /** Decides `command` on its stream's history and projects what it records, as the runner would. */
  async function happen(command: EventCommand, now = createdAt): Promise<void> {
    const history = histories.get(command.eventId) ?? [];
    const events = eventDecider.decide(command, given(eventDecider, history).state, now);
    const recorded = events.map((event, index): RecordedEvent => {
      position += 1n;
      return {
        ...event,
        id: `${command.eventId}-${history.length + index}`,
        streamName: `event-${command.eventId}`,
        revision: BigInt(history.length + index),
        position: { commit: position, prepare: position },
        metadata: {
          actor: null,
          correlationId: 'test',
          causationId: null,
          occurredAt: now.toISOString(),
          schemaVersion: 1,
        },
      };
    });
    await db.transaction().execute(async (trx) => {
      for (const event of recorded) await eventListingProjection.apply(trx, event);
    });
    histories.set(command.eventId, [...history, ...events]);
  }

  const create = (eventId: string, overrides: Partial<EventDetailsInput> = {}, owner = organizer) =>
    happen({
      type: 'CreateEvent',
      eventId,
      organizerId: owner.userId,
      details: { ...details, ...overrides },
    });
  const publish = (eventId: string, actor = organizer) => happen({ type: 'PublishEvent', eventId, actor });
  const startingAt = (iso: string) => ({
    startsAt: new Date(iso),
    endsAt: new Date(Date.parse(iso) + 3_600_000),
    registrationClosesAt: new Date(iso),
  });

  async function idsSeenBy(viewer: Actor | null, filter = {}): Promise<string[]> {
    const page = await listVisibleEvents(db, filter, { first: 100 }, viewer);
    return page.edges.map((edge) => edge.node.id);
  }

  it('keeps every field of an event through its update, publication and cancellation', async () => {
    await create('e1');
    const updatedAt = new Date('2026-03-02T10:00:00.000Z');
    await happen(
      {
        type: 'UpdateEvent',
        eventId: 'e1',
        actor: organizer,
        changes: { format: EventFormat.ONLINE, maxCapacity: null },
      },
      updatedAt,
    );
    const publishedAt = new Date('2026-03-03T10:00:00.000Z');
    await happen({ type: 'PublishEvent', eventId: 'e1', actor: organizer }, publishedAt);
    const cancelledAt = new Date('2026-03-04T10:00:00.000Z');
    await happen({ type: 'CancelEvent', eventId: 'e1', actor: admin, reason: 'Storm warning' }, cancelledAt);

    expect(await findVisibleEvent(db, 'e1', null)).toEqual({
      ...details,
      id: 'e1',
      organizerId: organizer.userId,
      status: EventStatus.CANCELLED,
      format: EventFormat.ONLINE,
      venue: null,
      maxCapacity: null,
      createdAt,
      updatedAt: cancelledAt,
      publishedAt,
      cancelledAt,
      cancellationReason: 'Storm warning',
      version: 4,
    });
  });

  it('the public sees published and cancelled events; an organizer also their own drafts; an admin everything', async () => {
    await create('draft-mine');
    await create('draft-theirs', {}, otherOrganizer);
    await create('published');
    await publish('published');
    await create('cancelled');
    await happen({ type: 'CancelEvent', eventId: 'cancelled', actor: organizer, reason: 'Venue closed' });

    const everyone = ['cancelled', 'published'];
    expect((await idsSeenBy(null)).sort()).toEqual(everyone);
    expect((await idsSeenBy(customer)).sort()).toEqual(everyone);
    expect((await idsSeenBy(organizer)).sort()).toEqual([...everyone, 'draft-mine'].sort());
    expect((await idsSeenBy(admin)).sort()).toEqual([...everyone, 'draft-mine', 'draft-theirs'].sort());
  });

  it("another organizer's draft is not found by its id, exactly like an event that does not exist", async () => {
    await create('draft-theirs', {}, otherOrganizer);
    expect(await findVisibleEvent(db, 'draft-theirs', organizer)).toBeUndefined();
    expect(await findVisibleEvent(db, 'draft-theirs', otherOrganizer)).toMatchObject({ id: 'draft-theirs' });
  });

  it('filters by status, by organizer, and by a start range that includes its start and excludes its end', async () => {
    await create('may', startingAt('2026-05-01T18:00:00.000Z'));
    await create('june', startingAt('2026-06-01T18:00:00.000Z'), otherOrganizer);
    await create('july', startingAt('2026-07-01T18:00:00.000Z'));
    await publish('june', otherOrganizer);

    expect(await idsSeenBy(admin, { status: EventStatus.PUBLISHED })).toEqual(['june']);
    expect(await idsSeenBy(admin, { organizerId: organizer.userId })).toEqual(['may', 'july']);
    const range = {
      startsAfter: new Date('2026-06-01T18:00:00.000Z'),
      startsBefore: new Date('2026-07-01T18:00:00.000Z'),
    };
    expect(await idsSeenBy(admin, range)).toEqual(['june']);
  });

  it('pages through events by start time then id, never skipping nor repeating one', async () => {
    await create('c', startingAt('2026-05-01T18:00:00.000Z'));
    await create('a', startingAt('2026-05-01T18:00:00.000Z'));
    await create('e', startingAt('2026-04-01T18:00:00.000Z'));
    await create('b', startingAt('2026-06-01T18:00:00.000Z'));
    await create('d', startingAt('2026-05-01T18:00:00.000Z'));

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (let hasNextPage = true; hasNextPage; pages++) {
      const page = await listVisibleEvents(db, {}, { first: 2, after }, organizer);
      seen.push(...page.edges.map((edge) => edge.node.id));
      ({ hasNextPage } = page.pageInfo);
      after = page.pageInfo.endCursor ?? undefined;
    }
    expect(seen).toEqual(['e', 'a', 'c', 'd', 'b']);
    expect(pages).toBe(3);
  });

  it('an empty page has no end cursor and no next page', async () => {
    expect((await listVisibleEvents(db, {}, { first: 20 }, null)).pageInfo).toEqual({
      hasNextPage: false,
      endCursor: null,
    });
  });

  it('a cursor that did not come from the list is refused as VALIDATION_FAILED', async () => {
    await expect(listVisibleEvents(db, {}, { first: 20, after: 'not-a-cursor' }, null)).rejects.toMatchObject(
      {
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'after', messages: [expect.any(String)] }] },
      },
    );
  });
});
