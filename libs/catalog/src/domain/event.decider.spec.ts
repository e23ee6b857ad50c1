import { given, Role } from '@ticketing/platform/domain';
import { type EventDetailsInput, EventFormat } from './event-details';
import {
  type Actor,
  type CancelEvent,
  type CreateEvent,
  eventDecider,
  EventStatus,
  isEventVisibleTo,
  type PublishEvent,
  type UpdateEvent,
} from './event.decider';
import type { EventCancelled, EventCreated, EventPublished, EventStreamEvent } from './event.events';
import { festival, festivalCreated, ticketTypeCreated } from './testing/festival.fixtures';
import { AttendanceMode } from './ticket-type-details';

const now = new Date('2026-03-01T10:00:00.000Z');
const organizer: Actor = { userId: 'organizer-1', role: Role.ORGANIZER };
const otherOrganizer: Actor = { userId: 'organizer-2', role: Role.ORGANIZER };
const admin: Actor = { userId: 'admin-1', role: Role.ADMIN };
const customer: Actor = { userId: 'customer-1', role: Role.CUSTOMER };

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

const create = (overrides: Partial<EventDetailsInput> = {}): CreateEvent => ({
  type: 'CreateEvent',
  eventId: 'e1',
  organizerId: organizer.userId,
  details: { ...details, ...overrides },
});
const update = (changes: Partial<EventDetailsInput>, actor = organizer): UpdateEvent => ({
  type: 'UpdateEvent',
  eventId: 'e1',
  actor,
  changes,
});
const publish = (actor = organizer): PublishEvent => ({ type: 'PublishEvent', eventId: 'e1', actor });
const cancel = (reason = 'The venue flooded', actor = organizer): CancelEvent => ({
  type: 'CancelEvent',
  eventId: 'e1',
  actor,
  reason,
});

const created: EventCreated = {
  type: 'EventCreated',
  data: {
    eventId: 'e1',
    organizerId: organizer.userId,
    title: 'Jazz on the Quay',
    description: 'An evening of jazz by the water.',
    format: EventFormat.IN_PERSON,
    venue,
    startsAt: '2026-06-20T18:00:00.000Z',
    endsAt: '2026-06-20T23:00:00.000Z',
    timeZone: 'Europe/Paris',
    registrationOpensAt: '2026-03-01T09:00:00.000Z',
    registrationClosesAt: '2026-06-20T18:00:00.000Z',
    maxCapacity: 500,
    createdAt: now.toISOString(),
  },
};
const published: EventPublished = {
  type: 'EventPublished',
  data: { eventId: 'e1', publishedAt: now.toISOString() },
};
const cancelled: EventCancelled = {
  type: 'EventCancelled',
  data: { eventId: 'e1', reason: 'Storm', cancelledAt: now.toISOString() },
};

const reasonFor = (
  history: EventStreamEvent[],
  command: CreateEvent | UpdateEvent | PublishEvent | CancelEvent,
) => given(eventDecider, history).when(command, now).error?.reason;

describe('creating an event', () => {
  it('creates a draft owned by its organizer, with instants as UTC ISO strings and the time it happened', () => {
    const result = given(eventDecider, []).when(create(), now);
    expect(result.events).toEqual([created]);
    expect(given(eventDecider, result.events!).state?.status).toBe(EventStatus.DRAFT);
  });

  it('refuses to create an event that already exists', () => {
    const { error } = given(eventDecider, [created]).when(create(), now);
    expect(error?.code).toBe('CONFLICT');
    expect(error?.reason).toBe('EVENT_EXISTS');
  });

  it('an event must end after it starts', () => {
    expect(reasonFor([], create({ endsAt: details.startsAt }))).toBe('EVENT_ENDS_BEFORE_START');
  });

  it('registration must open before it closes', () => {
    const closesAt = details.registrationOpensAt;
    expect(reasonFor([], create({ registrationClosesAt: closesAt }))).toBe(
      'REGISTRATION_CLOSES_BEFORE_OPENS',
    );
  });

  it('registration closes no later than the event ends', () => {
    expect(reasonFor([], create({ registrationClosesAt: details.endsAt }))).toBeUndefined();
    const afterTheEnd = new Date(details.endsAt.getTime() + 1);
    expect(reasonFor([], create({ registrationClosesAt: afterTheEnd }))).toBe(
      'REGISTRATION_CLOSES_AFTER_EVENT_ENDS',
    );
  });

  it.each([EventFormat.IN_PERSON, EventFormat.HYBRID])('a venue is required for %s events', (format) => {
    const { error } = given(eventDecider, []).when(create({ format, venue: null }), now);
    expect(error?.code).toBe('BUSINESS_RULE_VIOLATION');
    expect(error?.reason).toBe('VENUE_REQUIRED');
  });

  it('an online event has no venue: giving one is refused rather than silently dropped', () => {
    expect(reasonFor([], create({ format: EventFormat.ONLINE, venue }))).toBe('VENUE_NOT_ALLOWED');
    expect(reasonFor([], create({ format: EventFormat.ONLINE, venue: null }))).toBeUndefined();
  });

  it.each(['Mars/Olympus_Mons', '+01:00', 'Europe Paris', ''])(
    'the time zone is an IANA zone name, not %p',
    (zone) => {
      expect(reasonFor([], create({ timeZone: zone }))).toBe('INVALID_TIME_ZONE');
    },
  );

  it.each(['UTC', 'America/New_York', 'Asia/Kolkata'])('accepts the IANA zone %s', (zone) => {
    expect(reasonFor([], create({ timeZone: zone }))).toBeUndefined();
  });

  it.each([0, -3, 2.5])('the maximum capacity is a whole number of at least 1, not %p', (maxCapacity) => {
    expect(reasonFor([], create({ maxCapacity }))).toBe('INVALID_MAX_CAPACITY');
  });

  it('an event without a maximum capacity is limited only by its ticket types', () => {
    expect(given(eventDecider, []).when(create({ maxCapacity: null }), now).events?.[0].data).toMatchObject({
      maxCapacity: null,
    });
  });

  it('an event may have started already, but one that has ended cannot be created', () => {
    const running = {
      startsAt: new Date('2026-03-01T08:00:00Z'),
      registrationOpensAt: new Date('2026-02-01T00:00:00Z'),
    };
    expect(reasonFor([], create(running))).toBeUndefined();
    const ended = { ...running, endsAt: now, registrationClosesAt: now };
    expect(reasonFor([], create(ended))).toBe('EVENT_ALREADY_ENDED');
  });
});

describe('updating an event', () => {
  it('records only the fields that changed, with the time it happened', () => {
    const changes = {
      title: 'Jazz on the Quay: Summer Edition',
      description: details.description,
      maxCapacity: null,
    };
    expect(given(eventDecider, [created]).when(update(changes), now).events).toEqual([
      {
        type: 'EventUpdated',
        data: {
          eventId: 'e1',
          changes: { title: 'Jazz on the Quay: Summer Edition', maxCapacity: null },
          updatedAt: now.toISOString(),
        },
      },
    ]);
  });

  it('checks the rules against the merged result, not only the fields sent', () => {
    const endsBeforeStart = update({ endsAt: new Date('2026-06-20T17:00:00Z') });
    expect(reasonFor([created], endsBeforeStart)).toBe('EVENT_ENDS_BEFORE_START');
  });

  it('an update that changes nothing records nothing', () => {
    expect(
      given(eventDecider, [created]).when(update({ title: details.title, venue: { ...venue } }), now).events,
    ).toEqual([]);
  });

  it('switching an event to ONLINE drops its venue', () => {
    const [event] = given(eventDecider, [created]).when(update({ format: EventFormat.ONLINE }), now).events!;
    expect(event.data).toMatchObject({ changes: { format: EventFormat.ONLINE, venue: null } });
  });

  it('only a draft can be edited', () => {
    expect(reasonFor([created, published], update({ title: 'Renamed' }))).toBe('EVENT_NOT_DRAFT');
  });

  it('later updates build on earlier ones', () => {
    const first = given(eventDecider, [created]).when(update({ format: EventFormat.ONLINE }), now).events!;
    expect(reasonFor([created, ...first], update({ venue }))).toBe('VENUE_NOT_ALLOWED');
  });
});

describe('publishing an event', () => {
  it('publishes a draft, with the time it happened', () => {
    expect(given(eventDecider, [created]).when(publish(), now).events).toEqual([published]);
  });

  it('publishing twice is refused: a published event is no longer a draft', () => {
    expect(reasonFor([created, published], publish())).toBe('EVENT_NOT_DRAFT');
  });

  it('an event that has already ended cannot be published', () => {
    const afterTheEnd = new Date('2026-06-21T00:00:00Z');
    expect(given(eventDecider, [created]).when(publish(), afterTheEnd).error?.reason).toBe(
      'EVENT_ALREADY_ENDED',
    );
  });
});

describe('cancelling an event', () => {
  it.each([
    ['a draft', [created]],
    ['a published event', [created, published]],
  ])('cancels %s and records the reason', (_label, history) => {
    expect(given(eventDecider, history).when(cancel('  The venue flooded  '), now).events).toEqual([
      {
        type: 'EventCancelled',
        data: { eventId: 'e1', reason: 'The venue flooded', cancelledAt: now.toISOString() },
      },
    ]);
  });

  it('a cancellation needs a reason', () => {
    expect(reasonFor([created, published], cancel('   '))).toBe('CANCELLATION_REASON_REQUIRED');
  });

  it.each([
    ['updated', update({ title: 'Back on' })],
    ['published', publish()],
    ['cancelled again', cancel()],
  ])('nothing about a cancelled event can change: it cannot be %s', (_label, command) => {
    expect(reasonFor([created, published, cancelled], command)).toBe('EVENT_CANCELLED');
  });
});

describe('who may change an event', () => {
  it.each([
    ['its organizer', organizer],
    ['an admin', admin],
  ])('%s may change it', (_label, actor) => {
    expect(given(eventDecider, [created]).when(publish(actor), now).events).toEqual([published]);
  });

  it.each([
    ['another organizer', otherOrganizer],
    ['a customer', customer],
  ])('%s may see a published event but not change it', (_label, actor) => {
    expect(given(eventDecider, [created, published]).when(cancel('Mine now', actor), now).error?.code).toBe(
      'FORBIDDEN',
    );
  });

  it("another organizer's draft is not found, so changing it does not reveal that it exists", () => {
    const { error } = given(eventDecider, [created]).when(update({ title: 'Hijacked' }, otherOrganizer), now);
    expect(error?.code).toBe('NOT_FOUND');
  });

  it('changing an event that does not exist is NOT_FOUND', () => {
    expect(given(eventDecider, []).when(publish(), now).error?.code).toBe('NOT_FOUND');
  });
});

describe('who sees an event', () => {
  it.each([
    [EventStatus.DRAFT, 'the public', false, null],
    [EventStatus.DRAFT, 'a customer', false, customer],
    [EventStatus.DRAFT, 'another organizer', false, otherOrganizer],
    [EventStatus.DRAFT, 'its organizer', true, organizer],
    [EventStatus.DRAFT, 'an admin', true, admin],
    [EventStatus.PUBLISHED, 'the public', true, null],
    [EventStatus.CANCELLED, 'the public', true, null],
    [EventStatus.CANCELLED, 'another organizer', true, otherOrganizer],
  ])('a %s event is visible to %s: %p', (status, _label, visible, viewer) => {
    expect(isEventVisibleTo({ status, organizerId: organizer.userId }, viewer)).toBe(visible);
  });
});

describe("an event's changes against its ticket types", () => {
  const inPerson = ticketTypeCreated('tt1');
  const online = ticketTypeCreated('tt2', { name: 'Livestream', attendanceMode: AttendanceMode.ONLINE });
  const hybrid = festivalCreated(EventFormat.HYBRID);
  const ticketTypeChange = { eventId: 'e1', updatedBy: organizer.userId, updatedAt: now.toISOString() };

  it('a HYBRID event is published only with at least one IN_PERSON and one ONLINE ticket type', () => {
    const { error } = given(eventDecider, [hybrid, inPerson]).when(publish(), now);
    expect(error?.reason).toBe('HYBRID_EVENT_NEEDS_BOTH_MODES');
    expect(error?.message).toContain('add ONLINE');
    expect(given(eventDecider, [hybrid, inPerson, online]).when(publish(), now).events).toHaveLength(1);
  });

  it("a closed or deleted ticket type does not count towards a HYBRID event's modes", () => {
    const closed: EventStreamEvent = {
      type: 'TicketTypeStatusChanged',
      data: { ...ticketTypeChange, ticketTypeId: 'tt2', from: 'ACTIVE', to: 'CLOSED' },
    };
    const deleted: EventStreamEvent = {
      type: 'TicketTypeDeleted',
      data: { ...ticketTypeChange, ticketTypeId: 'tt2' },
    };
    for (const gone of [closed, deleted]) {
      expect(given(eventDecider, [hybrid, inPerson, online, gone]).when(publish(), now).error?.reason).toBe(
        'HYBRID_EVENT_NEEDS_BOTH_MODES',
      );
    }
  });

  it('an event whose format changes must still take every ticket type it has', () => {
    const { error } = given(eventDecider, [hybrid, inPerson, online]).when(
      update({ format: EventFormat.IN_PERSON }),
      now,
    );
    expect(error?.reason).toBe('ATTENDANCE_MODE_NOT_ALLOWED');
    expect(error?.message).toContain('"Livestream" is ONLINE');
  });

  it("moving registration must keep every ticket type's sales inside it", () => {
    const closesEarlier = update({ registrationClosesAt: new Date('2026-07-01T00:00:00Z') });
    const { error } = given(eventDecider, [hybrid, inPerson]).when(closesEarlier, now);
    expect(error?.reason).toBe('SALES_END_AFTER_REGISTRATION_CLOSES');
    expect(error?.message).toContain('Sales of "General Admission"');
    const opensLater = update({
      registrationOpensAt: new Date(Date.parse(festival.registrationOpensAt) + 1),
    });
    expect(given(eventDecider, [hybrid, inPerson]).when(opensLater, now).error?.reason).toBe(
      'SALES_START_BEFORE_REGISTRATION_OPENS',
    );
  });
});
