import { type EventStore, toDomainEvent } from '@ticketing/event-store';
import { foldEvents } from '@ticketing/platform/domain';
import { eventDecider, type EventState } from '../domain/event.decider';
import type { EventStreamEvent } from '../domain/event.events';
import { eventStream } from './event-stream';

/**
 * The event as its stream now stands, for deciding a change before another stream is touched: a change the event
 * refuses must not move the inventory first.
 */
export async function loadEventState(store: EventStore, eventId: string): Promise<EventState | null> {
  const history = await store.readStream(eventStream(eventId));
  return foldEvents(eventDecider, history.map(toDomainEvent<EventStreamEvent>));
}
