import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-store.port';

/**
 * A stream category no other test uses, so a test can pick its own events out of a log that other tests and other
 * processes write to at the same time.
 */
export function aPrivateCategory(): string {
  return `contract${randomUUID().replaceAll('-', '')}`;
}

/** Whether `event` belongs to a stream of `category` (`category-…`). */
export function inCategory(category: string): (event: RecordedEvent) => boolean {
  return (event) => event.streamName.startsWith(`${category}-`);
}

/** A new event with a fresh id and complete metadata; override whatever the test is about. */
export function aNewEvent(
  overrides: Partial<Omit<NewEvent, 'metadata'>> & { metadata?: Partial<EventMetadata> } = {},
): NewEvent {
  return {
    id: overrides.id ?? randomUUID(),
    type: overrides.type ?? 'SomethingHappened',
    data: overrides.data ?? { note: 'nothing in particular' },
    metadata: {
      actor: 'user-1',
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: '2025-01-01T00:00:00.000Z',
      schemaVersion: 1,
      ...overrides.metadata,
    },
  };
}

/** `count` new events of the given type, numbered in their data. */
export function someNewEvents(count: number, type = 'SomethingHappened'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => aNewEvent({ type, data: { index } }));
}
