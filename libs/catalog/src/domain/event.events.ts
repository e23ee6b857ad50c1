import type { DomainEvent } from '@ticketing/platform/domain';
import type { EventDetails } from './event-details';
import type { TicketTypeEvent } from './ticket-type.events';

export type EventCreated = DomainEvent<
  'EventCreated',
  EventDetails & { eventId: string; organizerId: string; createdAt: string }
>;

/** Carries only the fields that changed. */
export type EventUpdated = DomainEvent<
  'EventUpdated',
  { eventId: string; changes: Partial<EventDetails>; updatedAt: string }
>;

export type EventPublished = DomainEvent<'EventPublished', { eventId: string; publishedAt: string }>;

export type EventCancelled = DomainEvent<
  'EventCancelled',
  { eventId: string; reason: string; cancelledAt: string }
>;

/** The facts recorded on an `event-<id>` stream: the event's own, and its ticket types'. */
export type EventStreamEvent =
  | EventCreated
  | EventUpdated
  | EventPublished
  | EventCancelled
  | TicketTypeEvent;
