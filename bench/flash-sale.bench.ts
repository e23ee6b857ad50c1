import { randomUUID } from 'node:crypto';
import { inventoryStream } from '@ticketing/catalog';
import { BatchingCommandExecutor, PostgresEventStore } from '@ticketing/event-store';
import type { SqlPool } from '@ticketing/platform';
import { AppError, ErrorCode } from '@ticketing/platform/domain';
import { openBenchDatabase, type BenchDatabase } from './bench-database';
import type { Benchmark, BenchmarkRow } from './benchmark';
import { measureOverGraphql } from './flash-sale-graphql';
import { formatTable } from './format-table';
import { compareWithBaseline, measureThroughput, percentile } from './throughput';
import { holdOneUnit, openInventory, type Sale } from './ticket-inventory';

const POOL_SIZE = 16;
const BUYERS = 64;
const ROUNDS = 3;
const ROUND_MS = 2_000;
const WARM_UP_MS = 500;
/** Enough seats that the measured rounds never sell out, on either side. */
const UNLIMITED = 1_000_000_000;
const SELL_OUT_CAPACITY = 1_000;
const SELL_OUT_ATTEMPTS = 5_000;

/**
 * One ticket type in a flash sale: thousands of buyers per second holding units on ONE stream, through the
 * product's own hold (see `holdOneUnit`) and the Postgres event store, against the plainest way to sell a seat without overselling, a conditional
 * UPDATE of a counter row from the same pool at the same concurrency. It also sells out a small room with five times
 * as many buyers as seats and fails the run unless exactly the capacity was sold.
 */
export const flashSaleBenchmark: Benchmark = {
  name: 'flash-sale',
  description:
    `${BUYERS} concurrent buyers on one ticket type: the inventory's hold through its hot stream's owner against a conditional ` +
    `UPDATE of a counter row; then ${SELL_OUT_ATTEMPTS.toLocaleString('en-US')} buyers for ` +
    `${SELL_OUT_CAPACITY.toLocaleString('en-US')} seats, by one and by two processes; then the same hold, and a ` +
    'whole placeBooking, over GraphQL against the UPDATE behind a GraphQL mutation of the same server',
  async run() {
    const database = await openBenchDatabase(POOL_SIZE);
    const second = await openSecondProcess(database);
    const { engine, pool, schema } = database;
    const store = new PostgresEventStore(pool, { schema });
    const executor = new BatchingCommandExecutor(store);
    try {
      await store.ensureSchema();
      await pool.query(
        `CREATE TABLE "${schema}".seats (id text PRIMARY KEY, sold integer NOT NULL, cap integer NOT NULL)`,
      );
      const sale = await openInventory(executor, UNLIMITED);
      const seatRow = randomUUID();
      await pool.query(`INSERT INTO "${schema}".seats VALUES ($1, 0, $2)`, [seatRow, UNLIMITED]);

      await reserveThroughExecutor(executor, sale, WARM_UP_MS, []);
      await reserveThroughUpdate(pool, schema, seatRow, WARM_UP_MS, []);
      const executorLatencies: number[] = [];
      const baselineLatencies: number[] = [];
      const rates = await compareWithBaseline(
        ROUNDS,
        () => reserveThroughExecutor(executor, sale, ROUND_MS, executorLatencies),
        () => reserveThroughUpdate(pool, schema, seatRow, ROUND_MS, baselineLatencies),
      );
      const oneProcess = await sellOut(store, [executor]);
      const twoProcesses = await sellOut(store, [executor, new BatchingCommandExecutor(second.store)]);

      const rows: BenchmarkRow[] = [
        {
          database: engine,
          case: '(a) open sale',
          path: 'executor + event store',
          'reservations/s': Math.round(rates.subject),
          ratio: rates.subject / rates.baseline,
          'p50 ms': percentile(executorLatencies, 0.5),
          'p99 ms': percentile(executorLatencies, 0.99),
          'events/append': await eventsPerAppend(pool, schema, inventoryStream(sale.eventId)),
        },
        {
          database: engine,
          case: '(a) open sale',
          path: 'UPDATE sold = sold + 1',
          'reservations/s': Math.round(rates.baseline),
          ratio: 1,
          'p50 ms': percentile(baselineLatencies, 0.5),
          'p99 ms': percentile(baselineLatencies, 0.99),
        },
        sellOutRow(engine, 'executor, 1 process', oneProcess),
        sellOutRow(engine, 'executor, 2 processes', twoProcesses),
      ];
      const oversoldOrUndersold = [oneProcess, twoProcesses].some(
        (result) => result.succeeded !== SELL_OUT_CAPACITY || result.holdsRecorded !== SELL_OUT_CAPACITY,
      );
      if (oversoldOrUndersold) {
        throw new Error(
          `(c) did not sell exactly ${SELL_OUT_CAPACITY.toLocaleString('en-US')} seats:\n${formatTable(rows)}`,
        );
      }
      return [...rows, ...(await measureOverGraphql())];
    } finally {
      executor.close();
      await second.close();
      await database.close();
    }
  },
};

/**
 * The store of a second API process on the same log: on a server, a pool of its own (the fresh schema that comes
 * with it stays unused). PGlite is one connection inside this process, so there the second store shares the pool;
 * its executor still has an owner, a state and a revision of its own, and races the first one for the stream.
 */
async function openSecondProcess(
  database: BenchDatabase,
): Promise<{ store: PostgresEventStore; close(): Promise<void> }> {
  if (database.engine === 'pglite') {
    return {
      store: new PostgresEventStore(database.pool, { schema: database.schema }),
      close: async () => undefined,
    };
  }
  const other = await openBenchDatabase(POOL_SIZE);
  return {
    store: new PostgresEventStore(other.pool, { schema: database.schema }),
    close: () => other.close(),
  };
}

/** Successful reservations per second; every reservation's latency goes into `latencies`, in milliseconds. */
function reserveThroughExecutor(
  executor: BatchingCommandExecutor,
  sale: Sale,
  durationMs: number,
  latencies: number[],
): Promise<number> {
  return measureThroughput(BUYERS, durationMs, async (buyer) => {
    const started = performance.now();
    const held = await holdOneUnit(executor, sale, buyer);
    latencies.push(performance.now() - started);
    return held ? 1 : 0;
  });
}

function reserveThroughUpdate(
  pool: SqlPool,
  schema: string,
  seatRow: string,
  durationMs: number,
  latencies: number[],
): Promise<number> {
  return measureThroughput(BUYERS, durationMs, async () => {
    const started = performance.now();
    const { rowCount } = await pool.query(
      `UPDATE "${schema}".seats SET sold = sold + 1 WHERE id = $1 AND sold + 1 <= cap`,
      [seatRow],
    );
    latencies.push(performance.now() - started);
    return rowCount ?? 0;
  });
}

interface SellOutResult {
  succeeded: number;
  soldOut: number;
  conflicts: number;
  holdsRecorded: number;
  latencies: number[];
}

/**
 * `SELL_OUT_ATTEMPTS` attempts on `SELL_OUT_CAPACITY` seats of a fresh ticket type by `BUYERS` concurrent buyers,
 * spread over the executors as a load balancer spreads requests over processes.
 */
async function sellOut(
  store: PostgresEventStore,
  executors: BatchingCommandExecutor[],
): Promise<SellOutResult> {
  const sale = await openInventory(executors[0], SELL_OUT_CAPACITY);
  const latencies: number[] = [];
  let attempts = 0;
  let succeeded = 0;
  let soldOut = 0;
  let conflicts = 0;
  await Promise.all(
    Array.from({ length: BUYERS }, async (_, buyer) => {
      const executor = executors[buyer % executors.length];
      while (attempts < SELL_OUT_ATTEMPTS) {
        attempts += 1;
        const attemptStarted = performance.now();
        try {
          if (await holdOneUnit(executor, sale, buyer)) succeeded += 1;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          if (error.reason === 'SOLD_OUT') soldOut += 1;
          else if (error.code === ErrorCode.CONFLICT) conflicts += 1;
          else throw error;
        }
        latencies.push(performance.now() - attemptStarted);
      }
    }),
  );
  const recorded = await store.readStream(inventoryStream(sale.eventId));
  const holdsRecorded = recorded.filter((event) => event.type === 'UnitsReserved').length;
  return { succeeded, soldOut, conflicts, holdsRecorded, latencies };
}

function sellOutRow(database: string, path: string, result: SellOutResult): BenchmarkRow {
  return {
    database,
    case: `(c) ${SELL_OUT_ATTEMPTS.toLocaleString('en-US')} buyers, ${SELL_OUT_CAPACITY.toLocaleString('en-US')} seats`,
    path,
    'p50 ms': percentile(result.latencies, 0.5),
    'p99 ms': percentile(result.latencies, 0.99),
    succeeded: result.succeeded,
    'sold out': result.soldOut,
    conflicts: result.conflicts,
    'holds in stream': result.holdsRecorded,
  };
}

/** How many reservations one append carried on average: the stream's events per appending transaction. */
async function eventsPerAppend(pool: SqlPool, schema: string, stream: string): Promise<number> {
  const { rows } = await pool.query<{ events: string; appends: string }>(
    `SELECT count(*)::text AS events, count(DISTINCT transaction_id)::text AS appends
     FROM "${schema}".events WHERE stream_name = $1`,
    [stream],
  );
  return Number(rows[0].events) / Number(rows[0].appends);
}
