import {
  ANY,
  comparePositions,
  NO_STREAM,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type LogPosition,
  type NewEvent,
  type RecordedEvent,
} from '../event-store.port';
import { readLogAfter, untilVisible } from './read-log-after';
import { SubscriptionRecorder } from './subscription-recorder';
import { aNewEvent, aPrivateCategory, inCategory, someNewEvents } from './test-events';

/** How many writers and events the concurrency test uses. */
export interface ConcurrentWriteLoad {
  writers: number;
  events: number;
}

export interface EventStoreContractOptions {
  /** Called once after the suite; defaults to `store.close()`. */
  closeStore?: (store: EventStore) => Promise<void>;
  concurrentWriteLoad?: ConcurrentWriteLoad;
}

const DEFAULT_LOAD: ConcurrentWriteLoad = { writers: 20, events: 2_000 };

/**
 * The rules every `EventStore` adapter keeps. Call it from an adapter's test file; `openStore` runs once for the
 * suite. The store may already hold events and may be written by others meanwhile: every test writes to streams of
 * its own category and reads the log from the head position it took when it started.
 *
 * @example
 * describeEventStoreContract('Postgres on PGlite', async () => {
 *   const store = new PostgresEventStore(await PglitePool.open());
 *   await store.ensureSchema();
 *   return store;
 * });
 */
export function describeEventStoreContract(
  adapterName: string,
  openStore: () => Promise<EventStore>,
  options: EventStoreContractOptions = {},
): void {
  const load = options.concurrentWriteLoad ?? DEFAULT_LOAD;

  describe(`EventStore contract: ${adapterName}`, () => {
    let store: EventStore;
    let category: string;
    const ours = (events: RecordedEvent[]) => events.filter(inCategory(category));
    const stream = (name: string) => `${category}-${name}`;

    beforeAll(async () => {
      store = await openStore();
    });
    afterAll(async () => {
      await (options.closeStore ?? ((opened: EventStore) => opened.close()))(store);
    });
    beforeEach(() => {
      category = aPrivateCategory();
    });

    describe('append', () => {
      it('creates a stream at revision 0 when NO_STREAM is expected', async () => {
        const events = someNewEvents(2);

        const result = await store.append(stream('a'), events, NO_STREAM);

        const read = await store.readStream(stream('a'));
        expect(result.nextExpectedRevision).toBe(1n);
        expect(read.map((event) => [event.id, event.revision])).toEqual([
          [events[0].id, 0n],
          [events[1].id, 1n],
        ]);
        expect(read[1].position).toEqual(result.position);
      });

      it('rejects NO_STREAM when the stream exists, reporting its actual revision', async () => {
        await store.append(stream('a'), someNewEvents(3), NO_STREAM);

        const rejection = await captureRejection(store.append(stream('a'), someNewEvents(1), NO_STREAM));

        expectWrongExpectedRevision(rejection, stream('a'), NO_STREAM, 2n);
      });

      it('appends at the exact revision of the stream and returns the next expected revision', async () => {
        const first = await store.append(stream('a'), someNewEvents(2), NO_STREAM);

        const second = await store.append(stream('a'), someNewEvents(3), first.nextExpectedRevision);

        expect(second.nextExpectedRevision).toBe(4n);
        expect(comparePositions(second.position, first.position)).toBeGreaterThan(0);
        expect((await store.readStream(stream('a'))).map((event) => event.revision)).toEqual([
          0n,
          1n,
          2n,
          3n,
          4n,
        ]);
      });

      it('rejects a stale exact revision with a WrongExpectedRevisionError carrying expected and actual', async () => {
        await store.append(stream('a'), someNewEvents(3), NO_STREAM);

        const rejection = await captureRejection(store.append(stream('a'), someNewEvents(1), 0n));

        expectWrongExpectedRevision(rejection, stream('a'), 0n, 2n);
      });

      it('rejects an exact revision on a missing stream, reporting NO_STREAM as actual', async () => {
        const rejection = await captureRejection(store.append(stream('missing'), someNewEvents(1), 0n));

        expectWrongExpectedRevision(rejection, stream('missing'), 0n, NO_STREAM);
        expect(await store.readStream(stream('missing'))).toEqual([]);
      });

      it('writes nothing of a rejected append', async () => {
        const original = someNewEvents(2);
        await store.append(stream('a'), original, NO_STREAM);

        await captureRejection(store.append(stream('a'), someNewEvents(3), 5n));

        expect((await store.readStream(stream('a'))).map((event) => event.id)).toEqual(
          original.map((e) => e.id),
        );
      });

      it('appends with ANY whether the stream is missing or already has events', async () => {
        const created = await store.append(stream('a'), someNewEvents(1), ANY);
        const extended = await store.append(stream('a'), someNewEvents(2), ANY);

        expect(created.nextExpectedRevision).toBe(0n);
        expect(extended.nextExpectedRevision).toBe(2n);
        expect(await store.readStream(stream('a'))).toHaveLength(3);
      });

      it('appends nothing twice when a NO_STREAM append is retried with the same event ids', async () => {
        const events = someNewEvents(2);
        const original = await store.append(stream('a'), events, NO_STREAM);

        const retried = await store.append(stream('a'), events, NO_STREAM);

        expect(retried.nextExpectedRevision).toBe(original.nextExpectedRevision);
        expect((await store.readStream(stream('a'))).map((event) => event.id)).toEqual(
          events.map((e) => e.id),
        );
      });

      it('appends nothing twice when an exact-revision append is retried with the same event ids', async () => {
        const created = await store.append(stream('a'), someNewEvents(1), NO_STREAM);
        const events = someNewEvents(2);
        const original = await store.append(stream('a'), events, created.nextExpectedRevision);

        const retried = await store.append(stream('a'), events, created.nextExpectedRevision);

        expect(retried.nextExpectedRevision).toBe(original.nextExpectedRevision);
        expect((await store.readStream(stream('a'), { fromRevision: 1n })).map((event) => event.id)).toEqual(
          events.map((e) => e.id),
        );
      });

      it('recognises a retried append after the stream moved on, and still appends nothing twice', async () => {
        const events = someNewEvents(2);
        const original = await store.append(stream('a'), events, NO_STREAM);
        await store.append(stream('a'), someNewEvents(1), original.nextExpectedRevision);

        const retried = await store.append(stream('a'), events, NO_STREAM);

        expect(retried.nextExpectedRevision).toBe(original.nextExpectedRevision);
        expect(await store.readStream(stream('a'))).toHaveLength(3);
      });

      it('rejects reused event ids at a different expected revision instead of treating them as a retry', async () => {
        const events = someNewEvents(1);
        await store.append(stream('a'), events, NO_STREAM);
        await store.append(stream('a'), someNewEvents(1), 0n);

        const rejection = await captureRejection(store.append(stream('a'), events, 0n));

        expectWrongExpectedRevision(rejection, stream('a'), 0n, 1n);
      });
    });

    describe('readStream', () => {
      it('reads a stream in revision order from a given revision on', async () => {
        const events = someNewEvents(12);
        await store.append(stream('a'), events, NO_STREAM);

        const read = await store.readStream(stream('a'), { fromRevision: 8n });

        expect(read.map((event) => [event.revision, event.id])).toEqual([
          [8n, events[8].id],
          [9n, events[9].id],
          [10n, events[10].id],
          [11n, events[11].id],
        ]);
      });

      it('reads at most maxCount events of a stream', async () => {
        const events = someNewEvents(5);
        await store.append(stream('a'), events, NO_STREAM);

        const read = await store.readStream(stream('a'), { fromRevision: 1n, maxCount: 2 });

        expect(read.map((event) => event.id)).toEqual([events[1].id, events[2].id]);
      });

      it('reads a stream that does not exist as empty', async () => {
        expect(await store.readStream(stream('never-written'))).toEqual([]);
      });
    });

    describe('readAll', () => {
      it('reads the log in one total, stable order with strictly increasing positions', async () => {
        const head = await store.headPosition();
        let last!: AppendResult;
        for (let round = 0; round < 3; round += 1) {
          for (const name of ['a', 'b', 'c']) last = await store.append(stream(name), someNewEvents(2), ANY);
        }
        await untilVisible(store, last.position);

        const first = await readLogAfter(store, head, 4);
        const second = await readLogAfter(store, head, 7);

        expect(ours(first)).toHaveLength(18);
        expect(second.slice(0, first.length)).toEqual(first);
        first.slice(1).forEach((event, index) => {
          expect(comparePositions(event.position, first[index].position)).toBeGreaterThan(0);
        });
      });

      it('lists the events of one stream in revision order and those of one append together', async () => {
        const head = await store.headPosition();
        await store.append(stream('a'), someNewEvents(3), NO_STREAM);
        await store.append(stream('b'), someNewEvents(1), NO_STREAM);
        await untilVisible(store, (await store.append(stream('a'), someNewEvents(2), 2n)).position);

        const log = ours(await readLogAfter(store, head));

        expect(
          log.map((event) => `${event.streamName.slice(category.length + 1)}@${event.revision}`),
        ).toEqual(['a@0', 'a@1', 'a@2', 'b@0', 'a@3', 'a@4']);
      });

      it('reads strictly after a position and at most maxCount events', async () => {
        const head = await store.headPosition();
        const events = someNewEvents(5);
        let last!: AppendResult;
        for (const event of events) last = await store.append(stream('a'), [event], ANY);
        await untilVisible(store, last.position);
        const written = ours(await readLogAfter(store, head));
        const checkpoint = written[1].position;

        const page = await store.readAll({ after: checkpoint, maxCount: 2 });
        const rest = await readLogAfter(store, checkpoint);

        expect(page).toEqual(rest.slice(0, 2));
        expect(page.every((event) => comparePositions(event.position, checkpoint) > 0)).toBe(true);
        expect(ours(rest).map((event) => event.id)).toEqual(events.slice(2).map((event) => event.id));
      });

      it('reports the position of the last appended event as the head, or a later one', async () => {
        const result = await store.append(stream('a'), someNewEvents(2), NO_STREAM);
        await untilVisible(store, result.position);

        const head = await store.headPosition();

        expect(head).not.toBeNull();
        expect(comparePositions(head as LogPosition, result.position)).toBeGreaterThanOrEqual(0);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up on earlier events, then delivers new ones live', async () => {
        const head = await store.headPosition();
        const earlier = someNewEvents(3);
        await store.append(stream('a'), earlier, NO_STREAM);
        const recorder = new SubscriptionRecorder(store.subscribeToAll({ after: head ?? undefined }));
        try {
          await recorder.waitUntil((delivered) => ours(delivered).length === 3);
          const later = someNewEvents(2);
          await store.append(stream('b'), later, NO_STREAM);

          const delivered = ours(await recorder.waitUntil((events) => ours(events).length >= 5));

          expect(delivered.map((event) => event.id)).toEqual([...earlier, ...later].map((event) => event.id));
        } finally {
          await recorder.stop();
        }
      });

      it('resumes after a checkpoint, never delivering the checkpoint or anything before it', async () => {
        const head = await store.headPosition();
        const events = someNewEvents(5);
        let last!: AppendResult;
        for (const event of events) last = await store.append(stream('a'), [event], ANY);
        await untilVisible(store, last.position);
        const checkpoint = ours(await readLogAfter(store, head))[2].position;
        const recorder = new SubscriptionRecorder(store.subscribeToAll({ after: checkpoint }));
        try {
          const delivered = await recorder.waitUntil((events) => ours(events).length >= 2);

          expect(ours(delivered).map((event) => event.id)).toEqual([events[3].id, events[4].id]);
          expect(delivered.every((event) => comparePositions(event.position, checkpoint) > 0)).toBe(true);
        } finally {
          await recorder.stop();
        }
      });

      it('ends a waiting for-await loop promptly when the subscription is closed', async () => {
        const head = await store.headPosition();
        const subscription = store.subscribeToAll({ after: head ?? undefined });
        const recorder = new SubscriptionRecorder(subscription);
        await new Promise((resolve) => setTimeout(resolve, 50));

        await subscription.close();

        expect(await recorder.waitForEnd(1_000)).toBe(true);
      });

      it('hands over batches of 1 to maxCount events in the log order, catching up and then live', async () => {
        const head = await store.headPosition();
        const earlier = someNewEvents(5);
        const later = someNewEvents(1);
        await untilVisible(store, (await store.append(stream('a'), earlier, NO_STREAM)).position);
        const subscription = store.subscribeToAll({ after: head ?? undefined });
        try {
          const delivered: RecordedEvent[] = [];
          const batchSizes: number[] = [];
          while (ours(delivered).length < 6) {
            const batch = await subscription.nextBatch(2);
            if (batch.length === 0) throw new Error('The subscription ended');
            batchSizes.push(batch.length);
            delivered.push(...batch);
            if (ours(delivered).length === 5) await store.append(stream('b'), later, NO_STREAM);
          }

          expect(batchSizes.every((size) => size <= 2)).toBe(true);
          expect(ours(delivered).map((event) => event.id)).toEqual(
            [...earlier, ...later].map((event) => event.id),
          );
          const positions = delivered.map((event) => event.position);
          expect(
            positions.every(
              (position, index) => index === 0 || comparePositions(positions[index - 1], position) < 0,
            ),
          ).toBe(true);
        } finally {
          await subscription.close();
        }
      });

      it('answers a waiting nextBatch, and every later one, with an empty batch once the subscription is closed', async () => {
        const head = await store.headPosition();
        const subscription = store.subscribeToAll({ after: head ?? undefined });
        const untilEmpty = (async () => {
          while ((await subscription.nextBatch(100)).length > 0);
          return 'ended';
        })();
        await new Promise((resolve) => setTimeout(resolve, 50));

        await subscription.close();

        const stillWaiting = new Promise((resolve) => setTimeout(resolve, 1_000, 'still waiting'));
        expect(await Promise.race([untilEmpty, stillWaiting])).toBe('ended');
        expect(await subscription.nextBatch(100)).toEqual([]);
      });
    });

    describe('event content', () => {
      it('round-trips metadata exactly: actor, correlation and causation ids, occurredAt and schema version', async () => {
        const withEverything = aNewEvent({
          metadata: {
            actor: 'user-7f3a',
            correlationId: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
            causationId: '6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b',
            occurredAt: '2025-03-01T19:02:00.123Z',
            schemaVersion: 3,
          },
        });
        const anonymous = aNewEvent({ metadata: { actor: null, causationId: null } });
        const head = await store.headPosition();

        await untilVisible(
          store,
          (await store.append(stream('a'), [withEverything, anonymous], NO_STREAM)).position,
        );

        const fromStream = await store.readStream(stream('a'));
        const fromLog = ours(await readLogAfter(store, head));
        for (const read of [fromStream, fromLog]) {
          expect(read.map((event) => event.metadata)).toStrictEqual([
            withEverything.metadata,
            anonymous.metadata,
          ]);
        }
      });

      it('round-trips type and data exactly', async () => {
        const data = {
          title: 'Café Müller — 東京 🎫',
          priceMinor: 4_500,
          ratio: 2.5,
          negative: -3,
          currency: 'EUR',
          seats: ['A1', 'A2'],
          nested: { empty: {}, list: [1, [2, 3]], yes: true, no: false, nothing: null },
          quoted: 'She said "hi"\nand left\\',
        };
        const event = aNewEvent({ type: 'TicketTypeCreated', data });
        const head = await store.headPosition();

        await untilVisible(store, (await store.append(stream('a'), [event], NO_STREAM)).position);

        const [fromStream] = await store.readStream(stream('a'));
        const [fromLog] = ours(await readLogAfter(store, head));
        for (const read of [fromStream, fromLog]) {
          expect(read.type).toBe('TicketTypeCreated');
          expect(read.data).toStrictEqual(data);
          expect(read.streamName).toBe(stream('a'));
        }
      });
    });

    describe('concurrent appends', () => {
      it(`delivers every event of ${load.writers} concurrent writers exactly once, in the global order`, async () => {
        const head = await store.headPosition();
        const recorder = new SubscriptionRecorder(store.subscribeToAll({ after: head ?? undefined }));
        try {
          const appendsPerWriter = Math.ceil(load.events / load.writers);
          await Promise.all(
            Array.from({ length: load.writers }, (_, writer) =>
              appendSequentially(store, `${category}-w${writer}`, appendsPerWriter),
            ),
          );

          const delivered = ours(
            await recorder.waitUntil((events) => ours(events).length >= load.events, 30_000),
          );
          const logged = ours(await readLogAfter(store, head));

          expect(logged).toHaveLength(load.events);
          expect(new Set(delivered.map((event) => event.id)).size).toBe(load.events);
          expect(delivered.map((event) => event.id)).toEqual(logged.map((event) => event.id));
        } finally {
          await recorder.stop();
        }
      });
    });
  });
}

/** One writer: single-event appends at exact revisions, rotating over five streams of its own. */
async function appendSequentially(store: EventStore, streamPrefix: string, appends: number): Promise<void> {
  const revisions = new Map<string, bigint>();
  for (let index = 0; index < appends; index += 1) {
    const name = `${streamPrefix}s${index % 5}`;
    const event: NewEvent = aNewEvent({ data: { index } });
    const result = await store.append(name, [event], revisions.get(name) ?? NO_STREAM);
    revisions.set(name, result.nextExpectedRevision);
  }
}

async function captureRejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the append to be rejected, but it succeeded');
}

function expectWrongExpectedRevision(
  error: unknown,
  streamName: string,
  expected: ExpectedRevision,
  actual: bigint | typeof NO_STREAM,
): void {
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject({ streamName, expected, actual });
}
