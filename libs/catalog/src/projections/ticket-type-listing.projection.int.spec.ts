import { type PostgresEventStore, runCommand } from '@ticketing/event-store';
import { type CommandContext, newId } from '@ticketing/platform';
import type { Database } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import {
  openProjectionTestBed,
  type ProjectionTestBed,
} from '../../../read-store/src/testing/projection-test-bed';
import { eventStream } from '../application/event-stream';
import {
  changeTicketTypeCapacity,
  confirmReservation,
  registerTicketTypeInventory,
  reserveUnits,
} from '../application/inventory';
import { runTicketTypeCommand } from '../application/run-ticket-type-command';
import { BookableTicketTypes } from '../application/ticket-type-holds';
import { createTicketType } from '../application/ticket-type-creation';
import {
  findAccessCode,
  findVisibleTicketType,
  listVisibleTicketTypes,
} from '../application/ticket-type.queries';
import { EventFormat } from '../domain/event-details';
import { type EventCommand, eventDecider } from '../domain/event.decider';
import { customer, generalAdmission, organizer } from '../domain/testing/festival.fixtures';
import type { NewTicketTypeDetails } from '../domain/ticket-type-defaults';
import { TicketTypeStatus } from '../domain/ticket-type-status';
import type { TicketTypeCommand } from '../domain/ticket-type.decider';
import { catalogMigrations } from './catalog.migrations';
import { catalogProjections } from './catalog.projections';
import { accessCodeProjection } from './access-code.projection';
import { ticketTypeListingProjection } from './ticket-type-listing.projection';

const createdAt = new Date('2026-03-01T10:00:00.000Z');
const duringSales = new Date('2026-04-01T12:00:00.000Z');
const contextAt = (now: Date): CommandContext => ({
  commandId: newId(),
  actor: organizer.userId,
  correlationId: newId(),
  causationId: null,
  now,
});

describe('ticket type listing projection and queries', () => {
  let bed: ProjectionTestBed;
  let store: PostgresEventStore;
  let db: Kysely<Database>;

  beforeAll(async () => {
    bed = await openProjectionTestBed({
      migrations: catalogMigrations,
      projections: catalogProjections,
      eventStoreSchema: 'event_log',
    });
    ({ store, db } = bed);
  });
  afterAll(() => bed.close());

  const project = () => bed.project();

  async function onEvent(command: EventCommand, now = createdAt): Promise<void> {
    await runCommand(store, eventDecider, eventStream(command.eventId), command, contextAt(now));
    await project();
  }

  async function onTicketType(command: TicketTypeCommand, now = createdAt): Promise<void> {
    await runTicketTypeCommand(store, command, contextAt(now));
    await project();
  }

  async function festival(format: EventFormat = EventFormat.IN_PERSON): Promise<string> {
    const eventId = newId();
    await onEvent({
      type: 'CreateEvent',
      eventId,
      organizerId: organizer.userId,
      details: {
        title: 'Harbour Lights Festival',
        description: 'Three stages by the water.',
        format,
        venue: { name: 'Pier 9', address: '9 Quay Street', city: 'Lisbon', country: 'PT' },
        startsAt: new Date('2026-07-10T16:00:00Z'),
        endsAt: new Date('2026-07-12T23:00:00Z'),
        timeZone: 'Europe/Lisbon',
        registrationOpensAt: new Date('2026-03-15T09:00:00Z'),
        registrationClosesAt: new Date('2026-07-10T16:00:00Z'),
        maxCapacity: null,
      },
    });
    return eventId;
  }

  async function ticketType(
    eventId: string,
    details: Partial<NewTicketTypeDetails> = {},
    totalQuantity = 100,
  ) {
    const ticketTypeId = newId();
    const command = {
      type: 'CreateTicketType' as const,
      eventId,
      ticketTypeId,
      actor: organizer,
      details: generalAdmission(details),
      totalQuantity,
    };
    await createTicketType(store, command, contextAt(createdAt));
    await project();
    return ticketTypeId;
  }

  const asOrganizer = { viewer: organizer };
  const change = (eventId: string, ticketTypeId: string) => ({ eventId, ticketTypeId, actor: organizer });

  it('keeps every field of a ticket type through each kind of change, with who made it and when', async () => {
    const eventId = await festival();
    const id = await ticketType(eventId, { description: 'Weekend pass' }, 2000);
    const edited = new Date('2026-03-02T10:00:00.000Z');
    await onTicketType(
      {
        type: 'UpdateTicketType',
        ...change(eventId, id),
        changes: {
          price: { amount: 5000, currency: 'EUR' },
          allowReentry: true,
          acceptedScanPoints: ['Gate A'],
        },
      },
      edited,
    );
    await onEvent({ type: 'PublishEvent', eventId, actor: organizer }, edited);
    const shown = {
      visibility: 'CUSTOM_SCHEDULE' as const,
      visibilityStartsAt: new Date('2026-03-20T00:00:00.000Z'),
      visibilityEndsAt: new Date('2026-05-01T00:00:00.000Z'),
      inclusiveItems: ['Poster'],
      status: TicketTypeStatus.INACTIVE,
    };
    await onTicketType({ type: 'UpdatePublishedTicketType', ...change(eventId, id), changes: shown }, edited);
    const moved = new Date('2026-03-03T10:00:00.000Z');
    const salesEndsAt = new Date('2026-06-30T21:00:00.000Z');
    await onTicketType({ type: 'ChangeTicketTypeSalesWindow', ...change(eventId, id), salesEndsAt }, moved);

    expect(await findVisibleTicketType(db, id, asOrganizer, duringSales)).toEqual({
      id,
      eventId,
      name: 'General Admission',
      description: 'Weekend pass',
      pricingType: 'PAID',
      price: { amount: 5000, currency: 'EUR' },
      minimumDonation: null,
      salesChannel: 'EVERYWHERE',
      attendanceMode: 'IN_PERSON',
      totalQuantity: 2000,
      sold: 0,
      held: 0,
      available: 2000,
      isSoldOut: false,
      salesStartsAt: new Date('2026-03-15T09:00:00.000Z'),
      salesEndsAt,
      isOnSale: false,
      saleStatusMessage: 'Paused',
      minPerOrder: 1,
      maxPerOrder: 10,
      maxPerUser: 10,
      visibility: 'CUSTOM_SCHEDULE',
      visibilityStartsAt: shown.visibilityStartsAt,
      visibilityEndsAt: shown.visibilityEndsAt,
      isCurrentlyVisible: true,
      access: 'PUBLIC',
      inclusiveItems: ['Poster'],
      allowReentry: true,
      reentryLimit: null,
      acceptedScanPoints: ['Gate A'],
      transferable: true,
      refundPolicy: null,
      status: 'INACTIVE',
      createdBy: organizer.userId,
      createdAt,
      updatedBy: organizer.userId,
      updatedAt: moved,
    });
  });

  it("lists an event's ticket types in creation order and leaves deleted ones out", async () => {
    const eventId = await festival();
    const names = ['Zebra', 'Alpha', 'Middle'];
    const ids: string[] = [];
    for (const name of names) ids.push(await ticketType(eventId, { name }));
    await onTicketType({ type: 'DeleteTicketType', ...change(eventId, ids[1]) });

    const listed = await listVisibleTicketTypes(db, eventId, asOrganizer, createdAt);
    expect(listed?.map((type) => type.name)).toEqual(['Zebra', 'Middle']);
    expect(await findVisibleTicketType(db, ids[1], asOrganizer, createdAt)).toBeUndefined();
  });

  it("a draft's ticket types are hidden from everyone but its organizer, like the draft itself", async () => {
    const eventId = await festival();
    await ticketType(eventId);
    expect(await listVisibleTicketTypes(db, eventId, { viewer: customer }, createdAt)).toBeUndefined();
    expect(await listVisibleTicketTypes(db, eventId, asOrganizer, createdAt)).toHaveLength(1);
  });

  it('shows the capacity asked for until the inventory counts the type, then the inventory’s counts', async () => {
    const eventId = await festival();
    const id = newId();
    await onTicketType({
      type: 'CreateTicketType',
      ...change(eventId, id),
      details: generalAdmission(),
      totalQuantity: 300,
    });
    expect(await findVisibleTicketType(db, id, asOrganizer, createdAt)).toMatchObject({
      totalQuantity: 300,
      sold: 0,
      held: 0,
      available: 300,
    });

    await registerTicketTypeInventory(
      store,
      eventId,
      { ticketTypeId: id, capacity: 300 },
      contextAt(createdAt),
    );
    await changeTicketTypeCapacity(store, eventId, { ticketTypeId: id, capacity: 250 }, contextAt(createdAt));
    await project();
    expect(await findVisibleTicketType(db, id, asOrganizer, createdAt)).toMatchObject({
      totalQuantity: 250,
      available: 250,
    });
  });

  it('an ACTIVE type the inventory says is sold out shows SOLD_OUT; a paused one stays INACTIVE', async () => {
    const eventId = await festival();
    const id = await ticketType(eventId, {}, 2);
    await onEvent({ type: 'PublishEvent', eventId, actor: organizer });
    const sale = contextAt(duringSales);
    const reservation = { reservationId: newId(), items: [{ ticketTypeId: id, quantity: 2 }] };
    await reserveUnits(store, eventId, { ...reservation, expiresAt: new Date('2026-04-01T12:15:00Z') }, sale);
    await confirmReservation(
      store,
      eventId,
      { reservationId: reservation.reservationId },
      contextAt(duringSales),
    );
    await project();

    expect(await findVisibleTicketType(db, id, { viewer: null }, duringSales)).toMatchObject({
      status: 'SOLD_OUT',
      isSoldOut: true,
      sold: 2,
      available: 0,
      isOnSale: false,
      saleStatusMessage: 'Sold out',
    });
    await onTicketType({
      type: 'ChangeTicketTypeStatus',
      ...change(eventId, id),
      status: TicketTypeStatus.INACTIVE,
    });
    expect(await findVisibleTicketType(db, id, { viewer: null }, duringSales)).toMatchObject({
      status: 'INACTIVE',
      isSoldOut: true,
    });
  });

  it('an access code unlocks its ticket types, whatever the case it is typed in', async () => {
    const eventId = await festival();
    await ticketType(eventId, { name: 'Public' });
    const invited = await ticketType(eventId, { name: 'Friends', access: 'INVITE_ONLY' });
    await onEvent({ type: 'PublishEvent', eventId, actor: organizer });
    await onTicketType({
      type: 'CreateAccessCode',
      eventId,
      actor: organizer,
      code: 'Friends-2026',
      ticketTypeIds: [invited],
    });

    expect(await findAccessCode(db, eventId, ' friends-2026 ')).toEqual({
      eventId,
      code: 'FRIENDS-2026',
      ticketTypeIds: [invited],
      createdBy: organizer.userId,
      createdAt,
    });
    const namesWith = async (accessCode?: string) =>
      (await listVisibleTicketTypes(db, eventId, { viewer: customer, accessCode }, duringSales))?.map(
        (t) => t.name,
      );
    expect(await namesWith()).toEqual(['Public']);
    expect(await namesWith('friends-2026')).toEqual(['Public', 'Friends']);
  });

  it('bookable ticket types asked for together are read in one query, each caller getting its own answer', async () => {
    const eventId = await festival();
    const open = await ticketType(eventId, { name: 'Open' });
    const invited = await ticketType(eventId, { name: 'Friends', access: 'INVITE_ONLY' });
    const deleted = await ticketType(eventId, { name: 'Gone' });
    await onTicketType({ type: 'DeleteTicketType', ...change(eventId, deleted) });
    await onEvent({ type: 'PublishEvent', eventId, actor: organizer });
    await onTicketType({
      type: 'CreateAccessCode',
      eventId,
      actor: organizer,
      code: 'PALS',
      ticketTypeIds: [invited],
    });
    const ticketTypes = new BookableTicketTypes(db);
    const queries = jest.spyOn(db, 'selectFrom');

    const [first, again, withoutCode, withCode, gone, unknown] = await Promise.all([
      ticketTypes.find(open, null, duringSales),
      ticketTypes.find(open, null, duringSales),
      ticketTypes.find(invited, null, duringSales),
      ticketTypes.find(invited, 'pals', duringSales),
      ticketTypes.find(deleted, null, duringSales),
      ticketTypes.find(newId(), null, duringSales),
    ]);

    const typeQueries = queries.mock.calls.filter(([table]) => table === 'catalog_ticket_types as t');
    queries.mockRestore();
    expect(typeQueries).toHaveLength(1);
    expect(first).toEqual({
      id: open,
      eventId,
      name: 'Open',
      pricingType: 'PAID',
      price: { amount: 4500, currency: 'EUR' },
      minimumDonation: null,
      salesChannel: 'EVERYWHERE',
      minPerOrder: 1,
      maxPerOrder: 10,
      maxPerUser: 10,
      takesHolds: true,
    });
    expect(again).toEqual(first);
    expect(withoutCode).toBeUndefined();
    expect(withCode?.name).toBe('Friends');
    expect(gone).toBeUndefined();
    expect(unknown).toBeUndefined();
  });

  it('replaying the log from the start rebuilds the same rows', async () => {
    const rowsOf = async () => ({
      ticketTypes: await db.selectFrom('catalog_ticket_types').selectAll().orderBy('id').execute(),
      accessCodes: await db
        .selectFrom('catalog_access_codes')
        .selectAll()
        .orderBy('code')
        .orderBy('ticket_type_id')
        .execute(),
    });
    const live = await rowsOf();
    expect(live.ticketTypes.length).toBeGreaterThan(0);

    await db.deleteFrom('catalog_ticket_types').execute();
    await db.deleteFrom('catalog_access_codes').execute();
    const events = await store.readAll();
    await db.transaction().execute(async (trx) => {
      for (const event of events) {
        for (const projection of [ticketTypeListingProjection, accessCodeProjection]) {
          if (projection.handles.includes(event.type)) await projection.apply(trx, event);
        }
      }
    });
    expect(await rowsOf()).toEqual(live);
  });
});
