import type { LogPosition, RecordedEvent } from '../../event-store.port';

/** The position of the only event of transaction `commit`: logs in these tests hold one event per commit. */
export const at = (commit: number): LogPosition => ({ commit: BigInt(commit), prepare: 0n });

/** The event at commit `commit`, alone in a stream of its own. */
export function eventAt(commit: number): RecordedEvent {
  return {
    id: `event-${commit}`,
    type: 'Happened',
    data: { commit },
    metadata: {
      actor: null,
      correlationId: 'c',
      causationId: null,
      occurredAt: '2026-11-23T00:00:00.000Z',
      schemaVersion: 1,
    },
    streamName: `stream-${commit}`,
    revision: 0n,
    position: at(commit),
  };
}

/** The commits of `events`, to compare pages and batches by. */
export const commitsOf = (events: RecordedEvent[]) =>
  events.map((recorded) => Number(recorded.position.commit));
