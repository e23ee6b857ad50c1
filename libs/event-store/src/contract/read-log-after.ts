import type { EventStore, LogPosition, RecordedEvent } from '../event-store.port';

/** Every event strictly after `after` (the whole log when null), read in batches of `batchSize`. */
export async function readLogAfter(
  store: EventStore,
  after: LogPosition | null,
  batchSize = 500,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let cursor = after ?? undefined;
  for (;;) {
    const batch = await store.readAll({ after: cursor, maxCount: batchSize });
    events.push(...batch);
    if (batch.length < batchSize) return events;
    cursor = batch[batch.length - 1].position;
  }
}
