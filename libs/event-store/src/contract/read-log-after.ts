import { comparePositions, type EventStore, type LogPosition, type RecordedEvent } from '../event-store.port';

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

/**
 * Waits until the log shows `position` to readers. A store may show an append to `readAll` later than it confirms
 * it: the Postgres adapter hides rows while an older transaction anywhere in the cluster is still open, and tests in
 * parallel keep some open. The contract is that the log shows it eventually, in order.
 */
export async function untilVisible(
  store: EventStore,
  position: LogPosition,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const head = await store.headPosition();
    if (head && comparePositions(head, position) >= 0) return;
    if (Date.now() > deadline)
      throw new Error(`The log did not show ${position.commit}/${position.prepare} in time`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
