import { Role } from '@ticketing/platform/domain';
import { EventFormat } from '../event-details';
import type { Actor } from '../event.decider';
import type { EventCreated, EventPublished } from '../event.events';
import type { NewTicketTypeDetails } from '../ticket-type-defaults';
import {
  AttendanceMode,
  PricingType,
  SalesChannel,
  type TicketTypeDetails,
  TicketTypeAccess,
  TicketTypeVisibility,
} from '../ticket-type-details';
import type { TicketTypeCreated } from '../ticket-type.events';

/** A HYBRID festival whose registration opens two weeks after `now`, with the people who act on it. */
export const now = new Date('2026-03-01T10:00:00.000Z');
export const organizer: Actor = { userId: 'organizer-1', role: Role.ORGANIZER };
export const otherOrganizer: Actor = { userId: 'organizer-2', role: Role.ORGANIZER };
export const admin: Actor = { userId: 'admin-1', role: Role.ADMIN };
export const customer: Actor = { userId: 'customer-1', role: Role.CUSTOMER };

export const festival = {
  eventId: 'e1',
  registrationOpensAt: '2026-03-15T09:00:00.000Z',
  registrationClosesAt: '2026-07-10T16:00:00.000Z',
  startsAt: '2026-07-10T16:00:00.000Z',
  endsAt: '2026-07-12T23:00:00.000Z',
};

export const festivalCreated = (format: EventFormat = EventFormat.HYBRID): EventCreated => ({
  type: 'EventCreated',
  data: {
    eventId: festival.eventId,
    organizerId: organizer.userId,
    title: 'Harbour Lights Festival',
    description: 'Three stages by the water, streamed worldwide.',
    format,
    venue:
      format === EventFormat.ONLINE
        ? null
        : { name: 'Pier 9', address: '9 Quay Street', city: 'Lisbon', country: 'PT' },
    startsAt: festival.startsAt,
    endsAt: festival.endsAt,
    timeZone: 'Europe/Lisbon',
    registrationOpensAt: festival.registrationOpensAt,
    registrationClosesAt: festival.registrationClosesAt,
    maxCapacity: null,
    createdAt: now.toISOString(),
  },
});

export const festivalPublished: EventPublished = {
  type: 'EventPublished',
  data: { eventId: festival.eventId, publishedAt: now.toISOString() },
};

/** General Admission as an organizer would send it: only the fields without a default. */
export const generalAdmission = (overrides: Partial<NewTicketTypeDetails> = {}): NewTicketTypeDetails => ({
  name: 'General Admission',
  pricingType: PricingType.PAID,
  price: { amount: 4500, currency: 'EUR' },
  attendanceMode: AttendanceMode.IN_PERSON,
  ...overrides,
});

/** General Admission as recorded, every default spelled out. */
export const ticketTypeCreated = (
  ticketTypeId: string,
  overrides: Partial<TicketTypeDetails> = {},
): TicketTypeCreated => ({
  type: 'TicketTypeCreated',
  data: {
    eventId: festival.eventId,
    ticketTypeId,
    organizerId: organizer.userId,
    name: 'General Admission',
    description: '',
    pricingType: PricingType.PAID,
    price: { amount: 4500, currency: 'EUR' },
    minimumDonation: null,
    salesChannel: SalesChannel.EVERYWHERE,
    attendanceMode: AttendanceMode.IN_PERSON,
    salesStartsAt: festival.registrationOpensAt,
    salesEndsAt: festival.registrationClosesAt,
    minPerOrder: 1,
    maxPerOrder: 10,
    maxPerUser: 10,
    visibility: TicketTypeVisibility.VISIBLE,
    visibilityStartsAt: null,
    visibilityEndsAt: null,
    access: TicketTypeAccess.PUBLIC,
    inclusiveItems: [],
    allowReentry: false,
    reentryLimit: null,
    acceptedScanPoints: [],
    transferable: true,
    refundPolicy: null,
    ...overrides,
    totalQuantity: 1000,
    createdBy: organizer.userId,
    createdAt: now.toISOString(),
  },
});
