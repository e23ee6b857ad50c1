import { given } from '@ticketing/platform/domain';
import { EventFormat } from './event-details';
import type { Actor } from './event.decider';
import type { EventCancelled, EventStreamEvent } from './event.events';
import {
  admin,
  customer,
  festival,
  festivalCreated,
  festivalPublished,
  generalAdmission,
  now,
  organizer,
  otherOrganizer,
  ticketTypeCreated,
} from './testing/festival.fixtures';
import type { NewTicketTypeDetails } from './ticket-type-defaults';
import {
  AttendanceMode,
  PricingType,
  SalesChannel,
  TicketTypeAccess,
  TicketTypeVisibility,
} from './ticket-type-details';
import { TicketTypeStatus } from './ticket-type-status';
import {
  assertCapacityChangeable,
  type PublishedTicketTypeChanges,
  type TicketTypeCommand,
  ticketTypeDecider,
} from './ticket-type.decider';
import type { TicketTypeDetailsInput } from './ticket-type-details';

const draft: EventStreamEvent[] = [festivalCreated()];
const published: EventStreamEvent[] = [festivalCreated(), festivalPublished];
const cancelled: EventCancelled = {
  type: 'EventCancelled',
  data: { eventId: 'e1', reason: 'Storm', cancelledAt: now.toISOString() },
};
const later = new Date('2026-03-20T12:00:00.000Z');
const minutesAfter = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);

const create = (
  details: Partial<NewTicketTypeDetails> = {},
  actor: Actor = organizer,
): TicketTypeCommand => ({
  type: 'CreateTicketType',
  eventId: 'e1',
  ticketTypeId: 'tt-new',
  actor,
  details: generalAdmission(details),
  totalQuantity: 1000,
});
const update = (changes: Partial<TicketTypeDetailsInput>, ticketTypeId = 'tt1'): TicketTypeCommand => ({
  type: 'UpdateTicketType',
  eventId: 'e1',
  ticketTypeId,
  actor: organizer,
  changes,
});
const updatePublished = (changes: PublishedTicketTypeChanges): TicketTypeCommand => ({
  type: 'UpdatePublishedTicketType',
  eventId: 'e1',
  ticketTypeId: 'tt1',
  actor: organizer,
  changes,
});
const setStatus = (status: TicketTypeStatus, actor: Actor = organizer): TicketTypeCommand => ({
  type: 'ChangeTicketTypeStatus',
  eventId: 'e1',
  ticketTypeId: 'tt1',
  actor,
  status,
});
const moveSales = (window: { salesStartsAt?: Date; salesEndsAt?: Date }): TicketTypeCommand => ({
  type: 'ChangeTicketTypeSalesWindow',
  eventId: 'e1',
  ticketTypeId: 'tt1',
  actor: organizer,
  ...window,
});
const remove = (ticketTypeId = 'tt1'): TicketTypeCommand => ({
  type: 'DeleteTicketType',
  eventId: 'e1',
  ticketTypeId,
  actor: organizer,
});
const change = {
  eventId: 'e1',
  ticketTypeId: 'tt1',
  updatedBy: organizer.userId,
  updatedAt: now.toISOString(),
};
const statusChanged = (from: TicketTypeStatus, to: TicketTypeStatus): EventStreamEvent =>
  ({ type: 'TicketTypeStatusChanged', data: { ...change, from, to } }) as EventStreamEvent;

const decide = (history: EventStreamEvent[], command: TicketTypeCommand, at = now) =>
  given(ticketTypeDecider, history).when(command, at);
const reasonFor = (history: EventStreamEvent[], command: TicketTypeCommand, at = now) =>
  decide(history, command, at).error?.reason;

describe('creating a ticket type', () => {
  it('records every field, defaults for what is left out, the capacity asked for, who created it and when', () => {
    expect(decide(draft, create()).events).toEqual([ticketTypeCreated('tt-new')]);
  });

  it('a retried creation finds its ticket type recorded and records nothing twice, so it can go on to the inventory', () => {
    expect(decide([...draft, ticketTypeCreated('tt-new')], create()).events).toEqual([]);
  });

  it.each([
    ['a draft', draft],
    ['a published event', published],
  ])('ticket types can be created on %s', (_label, history) => {
    expect(decide(history, create()).events).toHaveLength(1);
  });

  it('no ticket type can be created once the event is cancelled', () => {
    expect(reasonFor([...published, cancelled], create())).toBe('EVENT_CANCELLED');
  });

  it('no ticket type can be created once the event is over', () => {
    expect(reasonFor(published, create(), new Date(festival.endsAt))).toBe('EVENT_ALREADY_ENDED');
  });

  it.each([
    [EventFormat.IN_PERSON, AttendanceMode.ONLINE],
    [EventFormat.ONLINE, AttendanceMode.IN_PERSON],
  ])('an %s event takes only its own mode, not %s ticket types', (format, attendanceMode) => {
    expect(reasonFor([festivalCreated(format)], create({ attendanceMode }))).toBe(
      'ATTENDANCE_MODE_NOT_ALLOWED',
    );
    expect(reasonFor([festivalCreated(format)], create({ attendanceMode: format }))).toBeUndefined();
  });

  it('a HYBRID event takes ticket types of both modes', () => {
    expect(reasonFor(draft, create({ attendanceMode: AttendanceMode.ONLINE }))).toBeUndefined();
  });

  it('names are unique per event per attendance mode, compared case-insensitively', () => {
    const history = [...draft, ticketTypeCreated('tt1')];
    const { error } = decide(history, create({ name: 'GENERAL admission' }));
    expect(error).toMatchObject({ code: 'BUSINESS_RULE_VIOLATION', reason: 'DUPLICATE_NAME' });
    expect(error?.message).toContain('IN_PERSON ticket type named "GENERAL admission"');
    expect(reasonFor(history, create({ attendanceMode: AttendanceMode.ONLINE }))).toBeUndefined();
  });

  it("a deleted ticket type's name is free again", () => {
    const history = [
      ...draft,
      ticketTypeCreated('tt1'),
      { type: 'TicketTypeDeleted', data: change } as const,
    ];
    expect(reasonFor(history, create())).toBeUndefined();
  });
});

describe('pricing', () => {
  it.each([null, { amount: 0, currency: 'EUR' }])(
    'a PAID ticket type needs a price above 0, not %p',
    (price) => {
      expect(reasonFor(draft, create({ price }))).toBe('PRICE_REQUIRED');
    },
  );

  it('a FREE ticket type costs 0: a zero price or none is accepted, any other refused', () => {
    const free = { pricingType: PricingType.FREE };
    expect(reasonFor(draft, create({ ...free, price: null }))).toBeUndefined();
    expect(reasonFor(draft, create({ ...free, price: { amount: 0, currency: 'EUR' } }))).toBeUndefined();
    expect(reasonFor(draft, create({ ...free, price: { amount: 100, currency: 'EUR' } }))).toBe(
      'FREE_TICKET_TYPE_PRICED',
    );
  });

  const donation = (overrides: Partial<NewTicketTypeDetails> = {}) =>
    create({
      name: 'Support the Artist',
      pricingType: PricingType.DONATION,
      price: null,
      attendanceMode: AttendanceMode.ONLINE,
      ...overrides,
    });

  it('a DONATION defaults to what its rules allow: ONLINE_ONLY, one per order and one per buyer', () => {
    expect(decide(draft, donation()).events?.[0].data).toMatchObject({
      salesChannel: SalesChannel.ONLINE_ONLY,
      minPerOrder: 1,
      maxPerOrder: 1,
      maxPerUser: 1,
    });
  });

  it('a DONATION has no fixed price: the buyer chooses the amount, above an optional minimum', () => {
    expect(reasonFor(draft, donation({ price: { amount: 500, currency: 'EUR' } }))).toBe(
      'DONATION_HAS_NO_FIXED_PRICE',
    );
    const minimumDonation = { amount: 500, currency: 'EUR' };
    expect(decide(draft, donation({ minimumDonation })).events?.[0].data).toMatchObject({
      price: null,
      minimumDonation,
    });
  });

  it('only a DONATION has a minimum donation', () => {
    expect(reasonFor(draft, create({ minimumDonation: { amount: 500, currency: 'EUR' } }))).toBe(
      'MINIMUM_DONATION_WITHOUT_DONATION',
    );
  });

  it.each([SalesChannel.EVERYWHERE, SalesChannel.AT_DOOR_ONLY])(
    'a DONATION is sold ONLINE_ONLY, not %s',
    (salesChannel) => {
      expect(reasonFor(draft, donation({ salesChannel }))).toBe('DONATION_ONLINE_ONLY');
    },
  );

  it.each([
    { maxPerOrder: 2, maxPerUser: 2 },
    { maxPerOrder: 1, maxPerUser: 3 },
  ])('a DONATION is limited to 1 per order and 1 per buyer, not %p', (limits) => {
    expect(reasonFor(draft, donation(limits))).toBe('DONATION_LIMITED_TO_ONE');
  });
});

describe('order limits', () => {
  it('the most per order is at least the least per order', () => {
    expect(reasonFor(draft, create({ minPerOrder: 4, maxPerOrder: 3 }))).toBe('MAX_PER_ORDER_BELOW_MIN');
  });

  it('the most per buyer is at least the most per order', () => {
    expect(reasonFor(draft, create({ maxPerOrder: 6, maxPerUser: 5 }))).toBe(
      'MAX_PER_USER_BELOW_MAX_PER_ORDER',
    );
  });

  it('a buyer may take up to the per-order limit overall unless told otherwise, and the limit covers the minimum', () => {
    expect(decide(draft, create({ minPerOrder: 12, maxPerOrder: undefined })).events?.[0].data).toMatchObject(
      {
        minPerOrder: 12,
        maxPerOrder: 12,
        maxPerUser: 12,
      },
    );
  });
});

describe('the sales window', () => {
  const opens = festival.registrationOpensAt;
  const closes = festival.registrationClosesAt;

  it('defaults to the registration window, or starts now when registration has opened already', () => {
    expect(decide(draft, create()).events?.[0].data).toMatchObject({
      salesStartsAt: opens,
      salesEndsAt: closes,
    });
    expect(decide(draft, create(), later).events?.[0].data).toMatchObject({
      salesStartsAt: later.toISOString(),
      salesEndsAt: closes,
    });
  });

  it('sales cannot start in the past', () => {
    expect(reasonFor(draft, create({ salesStartsAt: new Date(opens) }), later)).toBe('SALES_START_IN_PAST');
  });

  it('sales cannot end in the past', () => {
    const inThePast = { salesStartsAt: later, salesEndsAt: minutesAfter(opens, 60) };
    expect(reasonFor(draft, create(inThePast), later)).toBe('SALES_END_IN_PAST');
  });

  it('sales end at least 30 minutes after they start', () => {
    const window = (minutes: number) => ({
      salesStartsAt: new Date(opens),
      salesEndsAt: minutesAfter(opens, minutes),
    });
    expect(reasonFor(draft, create(window(29)))).toBe('SALES_WINDOW_TOO_SHORT');
    expect(reasonFor(draft, create(window(-60)))).toBe('SALES_WINDOW_TOO_SHORT');
    expect(reasonFor(draft, create(window(30)))).toBeUndefined();
  });

  it('sales start no earlier than registration opens', () => {
    expect(reasonFor(draft, create({ salesStartsAt: minutesAfter(opens, -1) }))).toBe(
      'SALES_START_BEFORE_REGISTRATION_OPENS',
    );
  });

  it('sales end no later than registration closes', () => {
    expect(reasonFor(draft, create({ salesEndsAt: minutesAfter(closes, 1) }))).toBe(
      'SALES_END_AFTER_REGISTRATION_CLOSES',
    );
  });

  it('sales that start after registration closes are refused, their end being later still', () => {
    const afterRegistration = {
      salesStartsAt: minutesAfter(closes, 1),
      salesEndsAt: minutesAfter(closes, 60),
    };
    expect(reasonFor(draft, create(afterRegistration))).toBe('SALES_END_AFTER_REGISTRATION_CLOSES');
  });

  it('sales cannot end after the event ends, since registration closes by then', () => {
    expect(reasonFor(draft, create({ salesEndsAt: minutesAfter(festival.endsAt, 1) }))).toBe(
      'SALES_END_AFTER_REGISTRATION_CLOSES',
    );
  });
});

describe('visibility and entry', () => {
  const schedule = {
    visibility: TicketTypeVisibility.CUSTOM_SCHEDULE,
    visibilityStartsAt: new Date('2026-04-01T00:00:00Z'),
    visibilityEndsAt: new Date('2026-05-01T00:00:00Z'),
  };

  it('CUSTOM_SCHEDULE visibility needs its window', () => {
    expect(reasonFor(draft, create(schedule))).toBeUndefined();
    expect(reasonFor(draft, create({ ...schedule, visibilityEndsAt: null }))).toBe(
      'VISIBILITY_WINDOW_REQUIRED',
    );
  });

  it('a visibility window belongs only to CUSTOM_SCHEDULE', () => {
    expect(reasonFor(draft, create({ ...schedule, visibility: TicketTypeVisibility.HIDDEN }))).toBe(
      'VISIBILITY_WINDOW_NOT_ALLOWED',
    );
  });

  it('the visibility window ends after it starts', () => {
    const backwards = { ...schedule, visibilityEndsAt: schedule.visibilityStartsAt };
    expect(reasonFor(draft, create(backwards))).toBe('VISIBILITY_WINDOW_ENDS_BEFORE_START');
  });

  it('a re-entry limit needs re-entry allowed', () => {
    expect(reasonFor(draft, create({ reentryLimit: 3 }))).toBe('REENTRY_LIMIT_WITHOUT_REENTRY');
    expect(reasonFor(draft, create({ allowReentry: true, reentryLimit: null }))).toBeUndefined();
  });

  it('the re-entry limit counts the first scan, so allowing re-entry means at least 2', () => {
    expect(reasonFor(draft, create({ allowReentry: true, reentryLimit: 1 }))).toBe('REENTRY_LIMIT_TOO_LOW');
    expect(reasonFor(draft, create({ allowReentry: true, reentryLimit: 2 }))).toBeUndefined();
  });
});

describe('editing a ticket type in full', () => {
  const withType = [...draft, ticketTypeCreated('tt1')];

  it('records only the fields that changed, who changed them and when', () => {
    const changes = {
      name: 'Early Bird',
      price: { amount: 4500, currency: 'EUR' },
      inclusiveItems: ['Tote bag'],
    };
    expect(decide(withType, update(changes)).events).toEqual([
      {
        type: 'TicketTypeUpdated',
        data: { ...change, changes: { name: 'Early Bird', inclusiveItems: ['Tote bag'] } },
      },
    ]);
  });

  it('an edit that changes nothing records nothing', () => {
    expect(decide(withType, update({ name: 'General Admission', acceptedScanPoints: [] })).events).toEqual(
      [],
    );
  });

  it('full edits are only for a draft event', () => {
    const { error } = decide([...published, ticketTypeCreated('tt1')], update({ name: 'Early Bird' }));
    expect(error?.reason).toBe('EVENT_NOT_DRAFT');
    expect(error?.message).toContain('updatePublishedTicketType');
  });

  it('checks the rules against the merged result, not only the fields sent', () => {
    expect(reasonFor(withType, update({ maxPerUser: 5 }))).toBe('MAX_PER_USER_BELOW_MAX_PER_ORDER');
  });

  it("renaming onto another type's name is a duplicate; keeping its own name is not", () => {
    const history = [...withType, ticketTypeCreated('tt2', { name: 'VIP' })];
    expect(reasonFor(history, update({ name: 'vip' }))).toBe('DUPLICATE_NAME');
    expect(reasonFor(history, update({ name: 'VIP', description: 'Backstage' }, 'tt2'))).toBeUndefined();
  });

  it('fields that mean nothing after a change go with it: a FREE type drops its price', () => {
    const [event] = decide(withType, update({ pricingType: PricingType.FREE })).events!;
    expect(event.data).toMatchObject({ changes: { pricingType: PricingType.FREE, price: null } });
  });

  it('a sales start that has passed does not block other edits: only ends being set must lie ahead', () => {
    expect(reasonFor(withType, update({ name: 'Early Bird' }), later)).toBeUndefined();
    expect(
      reasonFor(withType, update({ salesStartsAt: minutesAfter(festival.registrationOpensAt, 60) }), later),
    ).toBe('SALES_START_IN_PAST');
  });

  it('a closed ticket type cannot be edited', () => {
    const closed = [...withType, statusChanged(TicketTypeStatus.ACTIVE, TicketTypeStatus.CLOSED)];
    expect(reasonFor(closed, update({ name: 'Early Bird' }))).toBe('TICKET_TYPE_CLOSED');
  });
});

describe('the limited update of a published event’s ticket type', () => {
  const withType = [...published, ticketTypeCreated('tt1')];
  const schedule = {
    visibility: TicketTypeVisibility.CUSTOM_SCHEDULE,
    visibilityStartsAt: new Date('2026-04-01T00:00:00.000Z'),
    visibilityEndsAt: new Date('2026-05-01T00:00:00.000Z'),
  };

  it('changes visibility with its window, perks and status, each recorded as its own fact', () => {
    const changes = { ...schedule, inclusiveItems: ['Poster'], status: TicketTypeStatus.INACTIVE };
    expect(decide(withType, updatePublished(changes)).events).toEqual([
      {
        type: 'TicketTypeVisibilityChanged',
        data: {
          ...change,
          visibility: TicketTypeVisibility.CUSTOM_SCHEDULE,
          visibilityStartsAt: '2026-04-01T00:00:00.000Z',
          visibilityEndsAt: '2026-05-01T00:00:00.000Z',
        },
      },
      { type: 'TicketTypeInclusiveItemsChanged', data: { ...change, inclusiveItems: ['Poster'] } },
      statusChanged(TicketTypeStatus.ACTIVE, TicketTypeStatus.INACTIVE),
    ]);
  });

  it('is only for a published event', () => {
    const { error } = decide(
      [...draft, ticketTypeCreated('tt1')],
      updatePublished({ inclusiveItems: ['Poster'] }),
    );
    expect(error?.reason).toBe('EVENT_NOT_PUBLISHED');
    expect(error?.message).toContain('updateTicketType');
  });

  it('leaving CUSTOM_SCHEDULE drops its window', () => {
    const scheduled = [
      ...published,
      ticketTypeCreated('tt1', {
        ...schedule,
        visibilityStartsAt: '2026-04-01T00:00:00.000Z',
        visibilityEndsAt: '2026-05-01T00:00:00.000Z',
      }),
    ];
    expect(
      decide(scheduled, updatePublished({ visibility: TicketTypeVisibility.VISIBLE })).events?.[0].data,
    ).toMatchObject({
      visibility: TicketTypeVisibility.VISIBLE,
      visibilityStartsAt: null,
      visibilityEndsAt: null,
    });
  });

  it('checks visibility as creation does', () => {
    expect(reasonFor(withType, updatePublished({ visibility: TicketTypeVisibility.CUSTOM_SCHEDULE }))).toBe(
      'VISIBILITY_WINDOW_REQUIRED',
    );
  });

  it('a closed ticket type can still be hidden or have its perks corrected, but never reopened', () => {
    const closed = [...withType, statusChanged(TicketTypeStatus.ACTIVE, TicketTypeStatus.CLOSED)];
    const hide = { visibility: TicketTypeVisibility.HIDDEN, inclusiveItems: ['Poster'] };
    expect(decide(closed, updatePublished(hide)).events).toHaveLength(2);
    expect(reasonFor(closed, updatePublished({ status: TicketTypeStatus.ACTIVE }))).toBe(
      'TICKET_TYPE_CLOSED',
    );
  });
});

describe('moving the sales window', () => {
  const withType = [...published, ticketTypeCreated('tt1')];
  const newEnd = new Date('2026-06-30T21:00:00.000Z');

  it('moves either end on its own, keeping the other, and records both', () => {
    expect(decide(withType, moveSales({ salesEndsAt: newEnd })).events).toEqual([
      {
        type: 'TicketTypeSalesWindowChanged',
        data: { ...change, salesStartsAt: festival.registrationOpensAt, salesEndsAt: newEnd.toISOString() },
      },
    ]);
  });

  it('is checked as at creation', () => {
    const tooShort = minutesAfter(festival.registrationOpensAt, 10);
    expect(reasonFor(withType, moveSales({ salesEndsAt: tooShort }))).toBe('SALES_WINDOW_TOO_SHORT');
    expect(reasonFor(withType, moveSales({ salesEndsAt: newEnd }), new Date('2026-07-01T00:00:00Z'))).toBe(
      'SALES_END_IN_PAST',
    );
  });

  it('a closed ticket type has no sales to move', () => {
    const closed = [...withType, statusChanged(TicketTypeStatus.ACTIVE, TicketTypeStatus.CLOSED)];
    expect(reasonFor(closed, moveSales({ salesEndsAt: newEnd }))).toBe('TICKET_TYPE_CLOSED');
  });
});

describe('the status machine', () => {
  const withType = [...published, ticketTypeCreated('tt1')];
  const paused = [...withType, statusChanged(TicketTypeStatus.ACTIVE, TicketTypeStatus.INACTIVE)];

  it.each([
    ['ACTIVE', 'INACTIVE', withType],
    ['ACTIVE', 'CLOSED', withType],
    ['INACTIVE', 'ACTIVE', paused],
    ['INACTIVE', 'CLOSED', paused],
  ] as const)('%s may become %s', (from, to, history) => {
    expect(decide(history, setStatus(TicketTypeStatus[to])).events).toEqual([
      statusChanged(TicketTypeStatus[from], TicketTypeStatus[to]),
    ]);
  });

  it.each([TicketTypeStatus.ACTIVE, TicketTypeStatus.INACTIVE])(
    'CLOSED is final: it never becomes %s',
    (to) => {
      const closed = [...withType, statusChanged(TicketTypeStatus.ACTIVE, TicketTypeStatus.CLOSED)];
      expect(reasonFor(closed, setStatus(to))).toBe('TICKET_TYPE_CLOSED');
    },
  );

  it.each([TicketTypeStatus.SOLD_OUT, TicketTypeStatus.DELETED])('nobody sets %s by hand', (status) => {
    expect(reasonFor(withType, setStatus(status))).toBe('STATUS_NOT_SETTABLE');
  });

  it('setting the status it has records nothing', () => {
    expect(decide(withType, setStatus(TicketTypeStatus.ACTIVE)).events).toEqual([]);
  });

  it('the status can change on a draft event too', () => {
    expect(
      decide([...draft, ticketTypeCreated('tt1')], setStatus(TicketTypeStatus.INACTIVE)).events,
    ).toHaveLength(1);
  });
});

describe('deleting a ticket type', () => {
  const withType = [...published, ticketTypeCreated('tt1')];

  it('records the deletion, who made it and when', () => {
    expect(decide(withType, remove()).events).toEqual([{ type: 'TicketTypeDeleted', data: change }]);
  });

  it.each([
    ['its status changed', setStatus(TicketTypeStatus.INACTIVE)],
    ['deleted again', remove()],
    ['moved', moveSales({ salesEndsAt: new Date('2026-06-30T21:00:00Z') })],
  ])('a deleted ticket type is gone: it cannot have %s', (_label, command) => {
    const deleted = [...withType, { type: 'TicketTypeDeleted', data: change } as const];
    expect(decide(deleted, command).error).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'TICKET_TYPE_NOT_FOUND',
    });
  });
});

describe('changing capacity, which the inventory decides', () => {
  const withType = [ticketTypeCreated('tt1')];
  const resize =
    (history: EventStreamEvent[], at = now, ticketTypeId = 'tt1') =>
    () =>
      assertCapacityChangeable(
        { eventId: 'e1', ticketTypeId, actor: organizer },
        given(ticketTypeDecider, history).state,
        at,
      );

  it.each([
    ['a draft', draft],
    ['a published event', published],
  ])('the capacity of an open ticket type of %s may change', (_label, history) => {
    expect(resize([...history, ...withType])).not.toThrow();
  });

  it.each([
    ['the event is cancelled', [...published, cancelled, ...withType], now, 'EVENT_CANCELLED'],
    ['the event is over', [...published, ...withType], new Date(festival.endsAt), 'EVENT_ALREADY_ENDED'],
    [
      'the ticket type is closed',
      [...published, ...withType, statusChanged(TicketTypeStatus.ACTIVE, TicketTypeStatus.CLOSED)],
      now,
      'TICKET_TYPE_CLOSED',
    ],
  ])('not once %s', (_label, history, at, reason) => {
    expect(resize(history, at)).toThrow(expect.objectContaining({ reason }));
  });

  it('a deleted or unknown ticket type has no capacity to change', () => {
    expect(resize([...published, ...withType], now, 'tt-unknown')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});

describe('access codes', () => {
  const withTypes = [
    ...published,
    ticketTypeCreated('tt1', { access: TicketTypeAccess.INVITE_ONLY }),
    ticketTypeCreated('tt2', { name: 'VIP', access: TicketTypeAccess.INVITE_ONLY }),
  ];
  const createCode = (code: string, ticketTypeIds = ['tt1', 'tt2', 'tt1']): TicketTypeCommand => ({
    type: 'CreateAccessCode',
    eventId: 'e1',
    actor: organizer,
    code,
    ticketTypeIds,
  });

  it('records the code in upper case with the ticket types it unlocks, each once', () => {
    expect(decide(withTypes, createCode(' friends-2026 ')).events).toEqual([
      {
        type: 'AccessCodeCreated',
        data: {
          eventId: 'e1',
          code: 'FRIENDS-2026',
          ticketTypeIds: ['tt1', 'tt2'],
          createdBy: organizer.userId,
          createdAt: now.toISOString(),
        },
      },
    ]);
  });

  it('a code is unique per event, whatever its case', () => {
    const history = [...withTypes, ...decide(withTypes, createCode('FRIENDS')).events!];
    expect(decide(history, createCode('friends')).error).toMatchObject({
      code: 'CONFLICT',
      reason: 'ACCESS_CODE_TAKEN',
    });
  });

  it("a code unlocks only this event's ticket types", () => {
    expect(decide(withTypes, createCode('FRIENDS', ['tt1', 'elsewhere'])).error).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'TICKET_TYPE_NOT_FOUND',
    });
  });
});

describe('who manages ticket types', () => {
  it.each([
    ['its organizer', organizer],
    ['an admin', admin],
  ])('%s may', (_label, actor) => {
    expect(decide(published, create({}, actor)).events).toHaveLength(1);
  });

  it.each([
    ['another organizer', otherOrganizer],
    ['a customer', customer],
  ])('%s may see a published event but not manage its ticket types', (_label, actor) => {
    expect(decide(published, create({}, actor)).error?.code).toBe('FORBIDDEN');
    expect(
      decide([...published, ticketTypeCreated('tt1')], setStatus(TicketTypeStatus.CLOSED, actor)).error?.code,
    ).toBe('FORBIDDEN');
  });

  it("another organizer's draft is not found, so its ticket types are not revealed either", () => {
    expect(decide(draft, create({}, otherOrganizer)).error?.code).toBe('NOT_FOUND');
  });
});
