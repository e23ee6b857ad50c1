import { randomUUID } from 'node:crypto';
import { ANY, type AppendResult, type EventStore, type NewEvent } from '@ticketing/event-store';
import { COUNTED } from './stream-counts.projection';

/** Appends `count` events to `stream` in one write; with `ignoredEvery`, every n-th one is of a type nobody handles. */
export async function appendItems(
  store: EventStore,
  stream: string,
  count: number,
  ignoredEvery = 0,
): Promise<AppendResult> {
  const events: NewEvent[] = Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    type: ignoredEvery > 0 && (index + 1) % ignoredEvery === 0 ? 'ItemIgnored' : COUNTED,
    data: { index },
    metadata: {
      actor: 'system',
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  }));
  return store.append(stream, events, ANY);
}
