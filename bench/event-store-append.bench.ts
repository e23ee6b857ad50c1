import { randomUUID } from 'node:crypto';
import { NO_STREAM, PostgresEventStore, type LogPosition, type NewEvent } from '@ticketing/event-store';
import type { SqlPool } from '@ticketing/platform';
import {
  countBaselineEvents,
  createBaselineEventsTable,
  insertBaselineEvents,
  selectBaselineEventsAfter,
} from './baseline-events';
import { openBenchDatabase } from './bench-database';
import type { Benchmark, BenchmarkRow } from './benchmark';
import { compareWithBaseline, measureOnce, measureThroughput } from './throughput';

const POOL_SIZE = 16;
const ROUNDS = 3;
const ROUND_MS = 1_500;
const WARM_UP_MS = 500;
const STREAMS_PER_WRITER = 10;
const READ_BATCH = 500;
const MAX_EVENTS_READ = 100_000;

/**
 * The Postgres event store's append and catch-up read throughput, each as a ratio to plain INSERTs and SELECTs of
 * the same rows on the same database, pool and concurrency in the same run.
 */
export const eventStoreAppendBenchmark: Benchmark = {
  name: 'event-store-append',
  description:
    'Postgres event store appends (1 and 16 writers, 1 and 10 events per append) and catch-up reads, ' +
    'against plain INSERT/SELECT of the same rows',
  async run() {
    const database = await openBenchDatabase(POOL_SIZE);
    try {
      const { pool, schema, engine } = database;
      const store = new PostgresEventStore(pool, { schema });
      await store.ensureSchema();
      await createBaselineEventsTable(pool, schema);
      await appendThroughput(store, pool, schema, 4, 1, WARM_UP_MS);
      await baselineThroughput(pool, schema, 4, 1, WARM_UP_MS);

      const rows: BenchmarkRow[] = [];
      for (const writers of [1, 16]) {
        for (const eventsPerAppend of [1, 10]) {
          const rates = await compareWithBaseline(
            ROUNDS,
            () => appendThroughput(store, pool, schema, writers, eventsPerAppend, ROUND_MS),
            () => baselineThroughput(pool, schema, writers, eventsPerAppend, ROUND_MS),
          );
          rows.push(
            row(engine, `append ${eventsPerAppend} event${eventsPerAppend > 1 ? 's' : ''}`, writers, rates),
          );
        }
      }
      const eventsToRead = Math.min(
        await countStoreEvents(pool, schema),
        await countBaselineEvents(pool, schema),
      );
      const readRates = await compareWithBaseline(
        ROUNDS,
        () => measureOnce(() => readLog(store, Math.min(eventsToRead, MAX_EVENTS_READ))),
        () => measureOnce(() => readBaseline(pool, schema, Math.min(eventsToRead, MAX_EVENTS_READ))),
      );
      rows.push(row(engine, `catch-up read, batches of ${READ_BATCH}`, 1, readRates));
      return rows;
    } finally {
      await database.close();
    }
  },
};

function row(
  database: string,
  operation: string,
  writers: number,
  rates: { subject: number; baseline: number },
): BenchmarkRow {
  return {
    database,
    operation,
    writers,
    'store events/s': Math.round(rates.subject),
    'baseline events/s': Math.round(rates.baseline),
    ratio: rates.subject / rates.baseline,
  };
}

/** Each writer appends at exact revisions, rotating over streams no other writer touches. */
async function appendThroughput(
  store: PostgresEventStore,
  pool: SqlPool,
  schema: string,
  writers: number,
  eventsPerAppend: number,
  durationMs: number,
): Promise<number> {
  const streams = writerStreams(writers);
  return measureThroughput(writers, durationMs, async (writer) => {
    const stream = streams[writer].next();
    const result = await store.append(
      stream.name,
      benchEvents(eventsPerAppend),
      stream.revision ?? NO_STREAM,
    );
    stream.revision = result.nextExpectedRevision;
    return eventsPerAppend;
  });
}

async function baselineThroughput(
  pool: SqlPool,
  schema: string,
  writers: number,
  eventsPerAppend: number,
  durationMs: number,
): Promise<number> {
  const streams = writerStreams(writers);
  return measureThroughput(writers, durationMs, async (writer) => {
    const stream = streams[writer].next();
    const firstRevision = stream.revision === undefined ? 0n : stream.revision + 1n;
    await insertBaselineEvents(pool, schema, stream.name, firstRevision, benchEvents(eventsPerAppend));
    stream.revision = firstRevision + BigInt(eventsPerAppend - 1);
    return eventsPerAppend;
  });
}

interface BenchStream {
  name: string;
  revision: bigint | undefined;
}

/** Per writer, a rotation over streams of its own, named afresh for every measurement. */
function writerStreams(writers: number): { next(): BenchStream }[] {
  const run = randomUUID().slice(0, 8);
  return Array.from({ length: writers }, (_, writer) => {
    const streams: BenchStream[] = Array.from({ length: STREAMS_PER_WRITER }, (__, index) => ({
      name: `benchTicketType-${run}w${writer}s${index}`,
      revision: undefined,
    }));
    let turn = 0;
    return { next: () => streams[turn++ % streams.length] };
  });
}

/** Events shaped like the ones a booking writes: a few ids, amounts and a timestamp. */
function benchEvents(count: number): NewEvent[] {
  return Array.from({ length: count }, () => ({
    id: randomUUID(),
    type: 'TicketsReserved',
    data: {
      bookingId: randomUUID(),
      ticketTypeId: randomUUID(),
      quantity: 2,
      unitPrice: { amountMinor: 4_500, currency: 'EUR' },
      holdExpiresAt: '2025-06-01T19:15:00.000Z',
    },
    metadata: {
      actor: 'user-5c1b',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2025-06-01T19:00:00.000Z',
      schemaVersion: 1,
    },
  }));
}

async function countStoreEvents(pool: SqlPool, schema: string): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(
    `SELECT count(*)::text AS count FROM "${schema}".events`,
  );
  return Number(rows[0].count);
}

async function readLog(store: PostgresEventStore, events: number): Promise<number> {
  let read = 0;
  let after: LogPosition | undefined;
  while (read < events) {
    const batch = await store.readAll({ after, maxCount: Math.min(READ_BATCH, events - read) });
    if (batch.length === 0) break;
    read += batch.length;
    after = batch[batch.length - 1].position;
  }
  return read;
}

async function readBaseline(pool: SqlPool, schema: string, events: number): Promise<number> {
  let read = 0;
  let afterSequence = 0n;
  while (read < events) {
    const batch = await selectBaselineEventsAfter(
      pool,
      schema,
      afterSequence,
      Math.min(READ_BATCH, events - read),
    );
    if (batch.count === 0) break;
    read += batch.count;
    afterSequence = batch.lastSequence;
  }
  return read;
}
