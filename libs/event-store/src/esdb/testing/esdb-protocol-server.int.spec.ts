import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { EsdbProtocolServer } from './esdb-protocol-server';

/**
 * With ESDB_URL set, these run against that real EventStoreDB instead: a check that the protocol server answers as a
 * real node does.
 */
const realServerUrl = process.env.ESDB_URL;

let server: EsdbProtocolServer | null = null;
let client: EventStoreDBClient;

beforeAll(async () => {
  server = realServerUrl ? null : new EsdbProtocolServer();
  client = EventStoreDBClient.connectionString(realServerUrl ?? (await server!.start()));
});

afterAll(async () => {
  await client.dispose();
  await server?.stop();
});

function event(type = 'SeatHeld') {
  return jsonEvent({ id: randomUUID(), type, data: { seat: 'A1' } });
}

async function collect<Event extends ResolvedEvent | AllStreamResolvedEvent>(
  read: AsyncIterable<Event>,
): Promise<Event[]> {
  const events: Event[] = [];
  for await (const resolved of read) events.push(resolved);
  return events;
}

function positionsOf(events: AllStreamResolvedEvent[]): Position[] {
  return events.map(({ event }) => event!.position);
}

describe('EsdbProtocolServer', () => {
  it('starts its log with system events, as a real node does', async () => {
    const all = await collect(client.readAll({ fromPosition: START, maxCount: 3 }));

    expect(all.map(({ event }) => event?.streamId.startsWith('$'))).toEqual([true, true, true]);
  });

  it('answers an append at a stale revision with wrong_expected_version naming both revisions', async () => {
    const streamName = `hold-${randomUUID()}`;
    await client.appendToStream(streamName, [event(), event()], { expectedRevision: NO_STREAM });

    const conflict = client.appendToStream(streamName, [event()], { expectedRevision: 0n });

    await expect(conflict).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(conflict).rejects.toMatchObject({ expectedVersion: 0n, actualVersion: 1n });
  });

  it('acknowledges a repeated append at the same expected revision without writing it twice', async () => {
    const streamName = `hold-${randomUUID()}`;
    const events = [event(), event()];
    const first = await client.appendToStream(streamName, events, { expectedRevision: NO_STREAM });

    const repeated = await client.appendToStream(streamName, events, { expectedRevision: NO_STREAM });

    expect(repeated).toMatchObject({ success: true, nextExpectedRevision: first.nextExpectedRevision });
    expect(await collect(client.readStream(streamName))).toHaveLength(2);
  });

  it('treats a repeat that matches only part of the stream as a conflict', async () => {
    const streamName = `hold-${randomUUID()}`;
    const first = event();
    await client.appendToStream(streamName, [first], { expectedRevision: NO_STREAM });

    const partialRepeat = client.appendToStream(streamName, [first, event()], {
      expectedRevision: NO_STREAM,
    });

    await expect(partialRepeat).rejects.toMatchObject({ actualVersion: 0n });
  });

  it('reports a missing stream as stream-not-found', async () => {
    await expect(collect(client.readStream(`hold-${randomUUID()}`))).rejects.toBeInstanceOf(
      StreamNotFoundError,
    );
  });

  it('reads a stream forwards from a revision and backwards from the end, with a count', async () => {
    const streamName = `hold-${randomUUID()}`;
    await client.appendToStream(streamName, [event(), event(), event(), event()], {
      expectedRevision: NO_STREAM,
    });

    const forwards = await collect(client.readStream(streamName, { fromRevision: 1n, maxCount: 2 }));
    const backwards = await collect(
      client.readStream(streamName, { fromRevision: END, direction: BACKWARDS, maxCount: 3 }),
    );

    expect(forwards.map(({ event }) => event?.revision)).toEqual([1n, 2n]);
    expect(backwards.map(({ event }) => event?.revision)).toEqual([3n, 2n, 1n]);
  });

  it('gives each event a larger commit and prepare position than the one before, like record offsets', async () => {
    const streamName = `hold-${randomUUID()}`;
    await client.appendToStream(streamName, [event(), event(), event()], { expectedRevision: NO_STREAM });

    const positions = positionsOf(await collect(client.readAll({ fromPosition: START })));

    for (let index = 1; index < positions.length; index++) {
      expect(positions[index].commit).toBe(positions[index].prepare);
      expect(positions[index].commit - positions[index - 1].commit).toBeGreaterThan(50n);
    }
  });

  it('reads $all forwards including its start position and backwards excluding it', async () => {
    const all = positionsOf(await collect(client.readAll({ fromPosition: START })));
    const middle = all[2];

    const forwards = positionsOf(
      await collect(client.readAll({ fromPosition: middle, direction: FORWARDS, maxCount: 2 })),
    );
    const backwards = positionsOf(
      await collect(client.readAll({ fromPosition: middle, direction: BACKWARDS })),
    );

    expect(forwards).toEqual(all.slice(2, 4));
    expect(backwards).toEqual(all.slice(0, 2).reverse());
  });

  it('filters a subscription by event type, reports checkpoints, and stays live after catching up', async () => {
    const checkpoints: Position[] = [];
    const subscription = client.subscribeToAll({
      fromPosition: START,
      filter: excludeSystemEvents({
        maxSearchWindow: 4,
        checkpointReached: async (_subscription, position) => void checkpoints.push(position),
      }),
    });
    const live = event('SeatReleased');
    const received: string[] = [];
    for await (const { event: recorded } of subscription) {
      received.push(recorded!.type);
      if (recorded!.id === live.id) break;
      if (received.length === 1) await client.appendToStream(`hold-${randomUUID()}`, [live]);
    }
    await subscription.unsubscribe();

    expect(received.filter((type) => type.startsWith('$'))).toEqual([]);
    expect(received).toContain('update-default-acl');
    expect(received.at(-1)).toBe('SeatReleased');
    expect(checkpoints.length).toBeGreaterThan(0);
  });
});
