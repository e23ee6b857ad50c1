import { randomUUID } from 'node:crypto';
import { AccessDeniedError } from '@eventstore/db-client';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { SubscriptionRecorder } from '../contract/subscription-recorder';
import { aNewEvent } from '../contract/test-events';
import { ANY, NO_STREAM, type LogPosition, type RecordedEvent, type Subscription } from '../event-store.port';
import { EsdbEventStore } from './esdb-event-store';
import { EsdbProtocolServer } from './testing/esdb-protocol-server';

/**
 * Runs against the in-process protocol server, or against a real EventStoreDB when ESDB_URL is set
 * (`ESDB_URL='esdb://localhost:2113?tls=false' npm run test:esdb`). Tests that make the server drop or refuse
 * subscriptions, or restart, need the protocol server and are skipped against a real one.
 */
const realServerUrl = process.env.ESDB_URL;
const describeWithProtocolServer = realServerUrl ? describe.skip : describe;

const fastBackoff = { resubscribeBackoff: { initialDelayMs: 20, maxDelayMs: 200 } };

let protocolServer: EsdbProtocolServer | null = null;
let connectionString: string;

beforeAll(async () => {
  if (realServerUrl) {
    connectionString = realServerUrl;
    return;
  }
  protocolServer = new EsdbProtocolServer();
  connectionString = await protocolServer.start();
});

afterAll(async () => {
  await protocolServer?.stop();
});

describeEventStoreContract(
  realServerUrl ? `EventStoreDB at ${realServerUrl}` : 'EventStoreDB protocol server',
  async () => EsdbEventStore.connect(connectionString, fastBackoff),
);

function uniqueStream(category: string): string {
  return `${category}-${randomUUID()}`;
}

function positionsOf(events: RecordedEvent[]): LogPosition[] {
  return events.map((event) => event.position);
}

/** Consumes `subscription` until `isDone` holds for what it delivered, running `onEvent` after each event. */
async function consumeUntil(
  subscription: Subscription,
  isDone: (events: RecordedEvent[]) => boolean,
  onEvent: (events: RecordedEvent[]) => Promise<void>,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of subscription) {
    events.push(event);
    await onEvent(events);
    if (isDone(events)) break;
  }
  await subscription.close();
  return events;
}

describe('EsdbEventStore', () => {
  let store: EsdbEventStore;

  beforeAll(() => {
    store = EsdbEventStore.connect(connectionString, fastBackoff);
  });

  afterAll(async () => {
    await store.close();
  });

  it('leaves system events and system streams out of readAll, subscriptions and the head position', async () => {
    const start = (await store.headPosition()) ?? undefined;
    const streamName = uniqueStream('ticket');
    const mineOrSystem = (event: RecordedEvent) =>
      event.streamName === streamName || event.streamName.startsWith('$') || event.type.startsWith('$');
    const first = await store.append(streamName, [aNewEvent({ type: 'TicketIssued' })], NO_STREAM);
    await store.append(
      `$$${streamName}`,
      [aNewEvent({ type: '$metadata', data: { reviewedBy: 'ops' } })],
      ANY,
    );
    await store.append(`$ops-${randomUUID()}`, [aNewEvent({ type: 'OrdinaryTypeInSystemStream' })], ANY);
    const last = await store.append(streamName, [aNewEvent({ type: 'TicketTransferred' })], 0n);
    for (let index = 0; index < 20; index++) {
      await store.append(
        `$$${streamName}`,
        [aNewEvent({ type: '$metadata', data: { reviewedBy: 'ops', round: index } })],
        ANY,
      );
    }

    const head = await store.headPosition();
    const read = (await store.readAll({ after: start })).filter(mineOrSystem);
    const sentinel = await store.append(streamName, [aNewEvent({ type: 'TicketScanned' })], 1n);
    const recorder = new SubscriptionRecorder(store.subscribeToAll({ after: start }));
    const subscribed = await recorder
      .waitUntil((events) => events.some((event) => event.streamName === streamName && event.revision === 2n))
      .finally(() => recorder.stop());

    expect(head).toEqual(last.position);
    expect(positionsOf(read)).toEqual([first.position, last.position]);
    expect(positionsOf(subscribed.filter(mineOrSystem))).toEqual([
      first.position,
      last.position,
      sentinel.position,
    ]);
  });

  it('counts only visible events against readAll maxCount', async () => {
    const start = (await store.headPosition()) ?? undefined;
    const streamName = uniqueStream('ticket');
    for (let revision = 0n; revision < 3n; revision++) {
      await store.append(`$$${streamName}`, [aNewEvent({ type: '$metadata', data: {} })], ANY);
      await store.append(
        streamName,
        [aNewEvent({ type: 'TicketScanned' })],
        revision === 0n ? NO_STREAM : revision - 1n,
      );
    }

    const read = await store.readAll({ after: start, maxCount: 2 });

    expect(read.map((event) => [event.streamName, event.revision])).toEqual([
      [streamName, 0n],
      [streamName, 1n],
    ]);
  });

  it('answers a retried append with the revision and position of the append it repeats', async () => {
    const streamName = uniqueStream('booking');
    const events = [aNewEvent({ type: 'BookingPlaced' }), aNewEvent({ type: 'SeatsHeld' })];
    const original = await store.append(streamName, events, NO_STREAM);

    const retried = await store.append(streamName, events, NO_STREAM);

    expect(retried).toEqual(original);
  });
});

describeWithProtocolServer('EsdbEventStore when the server drops subscriptions', () => {
  let store: EsdbEventStore;

  beforeEach(() => {
    store = EsdbEventStore.connect(connectionString, fastBackoff);
  });

  afterEach(async () => {
    await store.close();
  });

  it('resubscribes after each drop and delivers every event once, in order', async () => {
    const server = protocolServer!;
    const start = (await store.headPosition()) ?? undefined;
    const streamName = uniqueStream('ticketType');
    const total = 60;
    const appended: string[] = [];
    const writer = (async () => {
      for (let revision = 0n; revision < total; revision++) {
        const event = aNewEvent({ type: 'TicketsReserved', data: { revision: Number(revision) } });
        appended.push(event.id);
        await store.append(streamName, [event], revision === 0n ? NO_STREAM : revision - 1n);
        if (revision % 15n === 7n) server.dropSubscriptions();
      }
    })();

    const received = await consumeUntil(
      store.subscribeToAll({ after: start }),
      (events) => events.length >= total,
      async (events) => {
        if (events.length % 20 === 0) server.dropSubscriptions();
      },
    );
    await writer;

    expect(received.map((event) => event.id)).toEqual(appended);
  }, 15_000);

  it('ends a subscription the server refuses for good with that error, after the events that came before it', async () => {
    const start = (await store.headPosition()) ?? undefined;
    const streamName = uniqueStream('ticketType');
    const appended = [aNewEvent({ type: 'TicketsReserved' }), aNewEvent({ type: 'TicketsReserved' })];
    await store.append(streamName, appended, NO_STREAM);
    const subscription = store.subscribeToAll({ after: start });
    const delivered: RecordedEvent[] = [];
    while (delivered.length < appended.length) delivered.push(...(await subscription.nextBatch(10)));

    protocolServer!.refuseSubscriptions();

    await expect(subscription.nextBatch(10)).rejects.toThrow(AccessDeniedError);
    expect(delivered.map((event) => event.id)).toEqual(appended.map((event) => event.id));
    expect(await subscription.nextBatch(10)).toEqual([]);
  });

  it('resubscribes from its last event when the server restarts on the same port', async () => {
    const server = protocolServer!;
    const start = (await store.headPosition()) ?? undefined;
    const streamName = uniqueStream('ticketType');
    const before = [aNewEvent({ type: 'TicketsReserved' }), aNewEvent({ type: 'TicketsReserved' })];
    const after = [aNewEvent({ type: 'TicketsReleased' }), aNewEvent({ type: 'TicketsReleased' })];
    await store.append(streamName, before, NO_STREAM);

    const received = await consumeUntil(
      store.subscribeToAll({ after: start }),
      (events) => events.length >= 4,
      async (events) => {
        if (events.length !== 2) return;
        await server.stop();
        await new Promise((resolve) => setTimeout(resolve, 300));
        await server.start();
        await store.append(streamName, after, 1n);
      },
    );

    expect(received.map((event) => event.id)).toEqual([...before, ...after].map((event) => event.id));
  }, 15_000);
});
