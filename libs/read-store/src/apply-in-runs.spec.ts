import type { RecordedEvent } from '@ticketing/event-store';
import { applyInRuns } from './projection';

const event = (type: string, index: number): RecordedEvent => ({
  id: `event-${index}`,
  type,
  data: { index },
  streamName: `stream-${index}`,
  revision: 0n,
  position: { commit: BigInt(index + 1), prepare: BigInt(index + 1) },
  metadata: { actor: null, correlationId: 'test', causationId: null, occurredAt: '', schemaVersion: 1 },
});

async function callsFor(types: string[]): Promise<string[]> {
  const calls: string[] = [];
  await applyInRuns(
    types.map(event),
    (recorded) => recorded.type === 'Placed',
    async (run) => {
      calls.push(`run ${run.map((recorded) => (recorded.data as { index: number }).index).join(',')}`);
    },
    async (recorded) => {
      calls.push(`one ${(recorded.data as { index: number }).index}`);
    },
  );
  return calls;
}

describe('applyInRuns', () => {
  it('hands over consecutive events of a run at once and every other event in its place', async () => {
    expect(
      await callsFor(['Placed', 'Placed', 'Confirmed', 'Placed', 'Expired', 'Expired', 'Placed']),
    ).toEqual(['run 0,1', 'one 2', 'run 3', 'one 4', 'one 5', 'run 6']);
    expect(await callsFor([])).toEqual([]);
  });

  it('cuts a long run into runs of at most 100 events', async () => {
    const calls = await callsFor(Array.from({ length: 250 }, () => 'Placed'));

    expect(calls.map((call) => call.split(',').length)).toEqual([100, 100, 50]);
  });
});
