import {
  conflict,
  type Decider,
  forbidden,
  notFound,
  type Principal,
  Role,
  ruleViolation,
} from '@ticketing/platform/domain';
import {
  assertNotEnded,
  assertValidDetails,
  type EventDetails,
  type EventDetailsInput,
  EventFormat,
  recordedDetails,
  type Venue,
} from './event-details';
import type { EventStreamEvent } from './event.events';
import { assertBothModesOffered, assertTicketTypesFit } from './ticket-type-rules';
import { evolveTicketTypes, type TicketTypeState } from './ticket-type.state';

export const EventStatus = {
  DRAFT: 'DRAFT',
  PUBLISHED: 'PUBLISHED',
  CANCELLED: 'CANCELLED',
} as const;
export type EventStatus = (typeof EventStatus)[keyof typeof EventStatus];

/** Who asks for a change: ownership is decided here, on the state the change applies to. */
export type Actor = Pick<Principal, 'userId' | 'role'>;

export type CreateEvent = {
  type: 'CreateEvent';
  eventId: string;
  organizerId: string;
  details: EventDetailsInput;
};
export type UpdateEvent = {
  type: 'UpdateEvent';
  eventId: string;
  actor: Actor;
  changes: Partial<EventDetailsInput>;
};
export type PublishEvent = { type: 'PublishEvent'; eventId: string; actor: Actor };
export type CancelEvent = { type: 'CancelEvent'; eventId: string; actor: Actor; reason: string };
export type EventCommand = CreateEvent | UpdateEvent | PublishEvent | CancelEvent;

export interface EventState {
  eventId: string;
  organizerId: string;
  status: EventStatus;
  details: EventDetails;
  /** In creation order, deleted ones included. */
  ticketTypes: TicketTypeState[];
  accessCodes: string[];
}

export const eventDecider: Decider<EventCommand, EventStreamEvent, EventState | null> = {
  initialState: null,

  decide(command, state, now) {
    if (command.type === 'CreateEvent') return create(command, state, now);
    const event = changeableBy(command.actor, command.eventId, state);
    switch (command.type) {
      case 'UpdateEvent':
        return update(command, event, now);
      case 'PublishEvent':
        return publish(event, now);
      case 'CancelEvent':
        return cancel(command, event, now);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'EventCreated': {
        const { eventId, organizerId, createdAt: _createdAt, ...details } = event.data;
        return { eventId, organizerId, status: EventStatus.DRAFT, details, ticketTypes: [], accessCodes: [] };
      }
      case 'EventUpdated':
        return state && { ...state, details: { ...state.details, ...event.data.changes } };
      case 'EventPublished':
        return state && { ...state, status: EventStatus.PUBLISHED };
      case 'EventCancelled':
        return state && { ...state, status: EventStatus.CANCELLED };
      default:
        return state && evolveTicketTypes(state, event);
    }
  },
};

/** Drafts are private to their organizer and the admins; everyone sees published and cancelled events. */
export function isEventVisibleTo(
  event: Pick<EventState, 'status' | 'organizerId'>,
  viewer: Actor | null,
): boolean {
  return event.status !== EventStatus.DRAFT || managesEvent(event, viewer);
}

/** An event is managed, ticket types included, by its organizer and the admins. */
export function managesEvent(event: Pick<EventState, 'organizerId'>, viewer: Actor | null): boolean {
  return viewer?.role === Role.ADMIN || viewer?.userId === event.organizerId;
}

function create(command: CreateEvent, state: EventState | null, now: Date): EventStreamEvent[] {
  if (state) throw conflict('EVENT_EXISTS', `Event ${command.eventId} already exists`);
  const details = recordedDetails(command.details);
  assertValidDetails(details, now);
  return [
    {
      type: 'EventCreated',
      data: {
        eventId: command.eventId,
        organizerId: command.organizerId,
        ...details,
        createdAt: now.toISOString(),
      },
    },
  ];
}

/**
 * Someone who may not see an event learns nothing about it, not even that it exists; someone who may see it but
 * does not own it is told they may not change it.
 */
export function changeableBy(actor: Actor, eventId: string, state: EventState | null): EventState {
  if (!state || !isEventVisibleTo(state, actor)) throw notFound('Event', eventId);
  if (!managesEvent(state, actor)) {
    throw forbidden('Only the organizer of this event or an admin may change it');
  }
  if (state.status === EventStatus.CANCELLED) {
    throw ruleViolation('EVENT_CANCELLED', 'This event was cancelled; nothing about it can change');
  }
  return state;
}

function update(command: UpdateEvent, event: EventState, now: Date): EventStreamEvent[] {
  assertDraft(event);
  const requested = recordedDetails(command.changes);
  // A venue means nothing online, so switching to ONLINE drops it rather than making the organizer clear it too.
  if (requested.format === EventFormat.ONLINE && requested.venue === undefined) requested.venue = null;
  const merged = { ...event.details, ...requested };
  const changes = changedFields(event.details, merged);
  if (Object.keys(changes).length === 0) return [];
  assertValidDetails(merged, now);
  assertTicketTypesFit(merged, event.ticketTypes);
  return [{ type: 'EventUpdated', data: { eventId: event.eventId, changes, updatedAt: now.toISOString() } }];
}

function publish(event: EventState, now: Date): EventStreamEvent[] {
  assertDraft(event);
  assertNotEnded(event.details, now);
  assertBothModesOffered(event.details, event.ticketTypes);
  return [{ type: 'EventPublished', data: { eventId: event.eventId, publishedAt: now.toISOString() } }];
}

function cancel(command: CancelEvent, event: EventState, now: Date): EventStreamEvent[] {
  const reason = command.reason.trim();
  if (!reason) throw ruleViolation('CANCELLATION_REASON_REQUIRED', 'Say why the event is cancelled');
  return [
    { type: 'EventCancelled', data: { eventId: event.eventId, reason, cancelledAt: now.toISOString() } },
  ];
}

function assertDraft(event: EventState): void {
  if (event.status !== EventStatus.DRAFT) {
    throw ruleViolation(
      'EVENT_NOT_DRAFT',
      `This event is ${event.status.toLowerCase()}; only a draft can be edited or published`,
    );
  }
}

function changedFields(before: EventDetails, after: EventDetails): Partial<EventDetails> {
  const changes: Partial<Record<keyof EventDetails, unknown>> = {};
  for (const field of Object.keys(after) as (keyof EventDetails)[]) {
    const same = field === 'venue' ? sameVenue(before.venue, after.venue) : before[field] === after[field];
    if (!same) changes[field] = after[field];
  }
  return changes as Partial<EventDetails>;
}

function sameVenue(a: Venue | null, b: Venue | null): boolean {
  if (a === null || b === null) return a === b;
  return a.name === b.name && a.address === b.address && a.city === b.city && a.country === b.country;
}
