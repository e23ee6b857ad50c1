import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inject, Module } from '@nestjs/common';
import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { type BatchingCommandExecutor, HOT_STREAMS } from '@ticketing/event-store';
import { loadConfig } from '@ticketing/platform';
import { type Database, READ_DB } from '@ticketing/read-store';
import { type Kysely, sql } from 'kysely';
import { Client } from 'pg';
import { type Api, createApi } from '../apps/api/src/create-api';
import type { BenchmarkRow } from './benchmark';
import { compareWithBaseline, measureThroughput, percentile } from './throughput';
import { holdOneUnit } from './ticket-inventory';

const CLIENTS = 64;
const ROUNDS = 3;
const ROUND_MS = 2_000;
const WARM_UP_MS = 1_500;
/** The most a ticket type may hold; the rounds never sell it out on this machine. */
const CAPACITY = 1_000_000;
const SEATS_TABLE = 'bench_flash_sale_seats';
const hour = 3_600_000;

/**
 * The two sides of (b) that only the benchmark needs, behind GraphQL mutations of the same server, so every side
 * pays for HTTP, GraphQL parsing and validation, and Nest's pipeline: the conditional UPDATE of (a), and the command
 * path of (a) on the API's own executor of hot streams. Registered only in the application the benchmark builds: the
 * product's schema never has them.
 */
@Resolver()
class FlashSaleBenchResolver {
  constructor(
    @Inject(READ_DB) private readonly db: Kysely<Database>,
    @Inject(HOT_STREAMS) private readonly hotStreams: BatchingCommandExecutor,
  ) {}

  @Mutation(() => Boolean, {
    description:
      "Benchmark only: holds one unit of a ticket type through the command path of (a), on the API's own executor.",
  })
  reserveSeatThroughCommandPath(
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('ticketTypeId', { type: () => ID }) ticketTypeId: string,
    @Args('buyer', { type: () => Int }) buyer: number,
  ): Promise<boolean> {
    return holdOneUnit(this.hotStreams, { eventId, ticketTypeId }, buyer);
  }

  @Mutation(() => Boolean, {
    description: 'Benchmark only: sells one seat of a counter row unless it is full.',
  })
  async reserveSeatBaseline(@Args('seatId', { type: () => ID }) seatId: string): Promise<boolean> {
    const { numAffectedRows } = await sql`
      UPDATE ${sql.table(SEATS_TABLE)} SET sold = sold + 1 WHERE id = ${seatId} AND sold + 1 <= cap
    `.execute(this.db);
    return numAffectedRows === 1n;
  }
}

@Module({ providers: [FlashSaleBenchResolver] })
class FlashSaleBenchModule {}

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`;
const CREATE_EVENT = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`;
const CREATE_TICKET_TYPE = `mutation($eventId: ID!, $input: CreateTicketTypeInput!) {
  createTicketType(eventId: $eventId, input: $input) { id } }`;
const PUBLISH_EVENT = `mutation($id: ID!) { publishEvent(id: $id) { id } }`;
const PLACE_BOOKING = `mutation($input: PlaceBookingInput!) { placeBooking(input: $input) { booking { status } } }`;
const RESERVE_SEAT_BASELINE = `mutation($seatId: ID!) { reserveSeatBaseline(seatId: $seatId) }`;
const RESERVE_SEAT_THROUGH_COMMAND_PATH = `mutation($eventId: ID!, $ticketTypeId: ID!, $buyer: Int!) {
  reserveSeatThroughCommandPath(eventId: $eventId, ticketTypeId: $ticketTypeId, buyer: $buyer) }`;

/**
 * (b) `CLIENTS` HTTP clients against the baseline mutation, on one API in this process: first holding one unit each
 * of one ticket type through the command path of (a); then calling `placeBooking` for one unit each of the same
 * type, every call a new guest and idempotency key. Returns two pairs of rows, each with the baseline rounds it
 * alternated with.
 */
export async function measureOverGraphql(): Promise<BenchmarkRow[]> {
  const server = await startBenchApi();
  const connections = new HttpAgent({ keepAlive: true, maxSockets: CLIENTS });
  try {
    const client = graphqlClient(`${server.url}/graphql`, connections);
    const { eventId, ticketTypeId } = await openSale(client);
    const seatId = randomUUID();
    await sql`CREATE TABLE ${sql.table(SEATS_TABLE)} (id text PRIMARY KEY, sold integer NOT NULL, cap integer NOT NULL)`.execute(
      server.db,
    );
    await sql`INSERT INTO ${sql.table(SEATS_TABLE)} VALUES (${seatId}, 0, ${CAPACITY})`.execute(server.db);

    let bookings = 0;
    const placeBooking = async () => {
      const booking = ++bookings;
      const result = await client<{ placeBooking: unknown }>(PLACE_BOOKING, {
        input: {
          eventId,
          idempotencyKey: `bench-${booking}-${randomUUID()}`,
          guest: { email: `buyer-${booking}@bench.example`, name: 'Bench Buyer' },
          items: [{ ticketTypeId, quantity: 1 }],
        },
      });
      return result.data?.placeBooking ? 1 : failed(result);
    };
    const reserveThroughCommandPath = async (buyer: number) => {
      const result = await client<{ reserveSeatThroughCommandPath: boolean }>(
        RESERVE_SEAT_THROUGH_COMMAND_PATH,
        { eventId, ticketTypeId, buyer },
      );
      return result.data?.reserveSeatThroughCommandPath === true ? 1 : failed(result);
    };
    const reserveSeat = async () => {
      const result = await client<{ reserveSeatBaseline: boolean }>(RESERVE_SEAT_BASELINE, { seatId });
      return result.data?.reserveSeatBaseline === true ? 1 : failed(result);
    };

    // A fresh server compiles its hot paths as the first requests come; every path gets that time before any round.
    for (const step of [reserveThroughCommandPath, placeBooking, reserveSeat]) {
      await measureThroughput(CLIENTS, WARM_UP_MS, step);
      await projectionsCaughtUp(server.url);
    }
    const againstBaseline = (path: string, step: (client: number) => Promise<number>) =>
      compareOverGraphql(server, path, step, reserveSeat);
    return [
      ...(await againstBaseline('command path of (a)', reserveThroughCommandPath)),
      ...(await againstBaseline('placeBooking', placeBooking)),
    ];
  } finally {
    connections.destroy();
    await server.close();
  }
}

/**
 * `subject` against `baseline` in alternating rounds. After each of the subject's rounds the benchmark waits,
 * untimed, for the projections to catch up, so that their work does not run on into the next round, the baseline's
 * included.
 */
async function compareOverGraphql(
  server: BenchApi,
  path: string,
  subject: (client: number) => Promise<number>,
  baseline: () => Promise<number>,
): Promise<BenchmarkRow[]> {
  const subjectLatencies: number[] = [];
  const baselineLatencies: number[] = [];
  const catchUps: number[] = [];
  const subjectCpu: number[] = [];
  const baselineCpu: number[] = [];
  const rates = await compareWithBaseline(
    ROUNDS,
    async () => {
      const rate = await cpuPerRequest(subjectCpu, subjectLatencies, () =>
        measureThroughput(CLIENTS, ROUND_MS, timed(subject, subjectLatencies)),
      );
      catchUps.push(await projectionsCaughtUp(server.url));
      return rate;
    },
    () =>
      cpuPerRequest(baselineCpu, baselineLatencies, () =>
        measureThroughput(CLIENTS, ROUND_MS, timed(baseline, baselineLatencies)),
      ),
  );
  const row = { database: server.engine, case: '(b) over GraphQL' };
  return [
    {
      ...row,
      path,
      'reservations/s': Math.round(rates.subject),
      ratio: rates.subject / rates.baseline,
      'p50 ms': percentile(subjectLatencies, 0.5),
      'p99 ms': percentile(subjectLatencies, 0.99),
      'CPU ms/request': percentile(subjectCpu, 0.5),
      'catch-up ms': percentile(catchUps, 0.5),
    },
    {
      ...row,
      path: 'UPDATE resolver',
      'reservations/s': Math.round(rates.baseline),
      ratio: 1,
      'p50 ms': percentile(baselineLatencies, 0.5),
      'p99 ms': percentile(baselineLatencies, 0.99),
      'CPU ms/request': percentile(baselineCpu, 0.5),
    },
  ];
}

interface BenchApi {
  engine: 'postgres' | 'pglite';
  url: string;
  db: Kysely<Database>;
  close(): Promise<void>;
}

/**
 * The API with its in-process projections, as `npm start` runs it, plus the baseline module: on a fresh database of
 * its own on the BENCH_DATABASE_URL server (dropped when done), or on embedded PGlite files in a temporary directory.
 */
async function startBenchApi(): Promise<BenchApi> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const dataDir = mkdtempSync(join(tmpdir(), 'ticketing-bench-api-'));
  const database = serverUrl ? await createDatabase(serverUrl) : null;
  let api: Api;
  try {
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', DATABASE_URL: database?.url ?? '' });
    api = await createApi({ config, logger: ['error'], extraModules: [FlashSaleBenchModule] });
    await api.app.listen(0, '127.0.0.1');
  } catch (error) {
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    engine: database ? 'postgres' : 'pglite',
    url: await api.app.getUrl(),
    db: api.infrastructure.db,
    async close() {
      try {
        await api.close();
      } finally {
        await database?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

async function createDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bench_api_${randomBytes(6).toString('hex')}`;
  const onServer = async (statement: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Waits until every projection has applied the whole log, as /health/ready reports it; returns how long it took. */
async function projectionsCaughtUp(url: string): Promise<number> {
  const started = performance.now();
  const deadline = started + 60_000;
  for (;;) {
    const ready = (await (await fetch(`${url}/health/ready`)).json()) as { projections: { lag: number }[] };
    if (ready.projections.every((projection) => projection.lag === 0)) return performance.now() - started;
    if (performance.now() > deadline) throw new Error('The projections did not catch up within 60 s');
    await new Promise((wake) => setTimeout(wake, 20));
  }
}

interface GraphqlResponse<Data> {
  data?: Data | null;
  errors?: unknown[];
}

type GraphqlClient = <Data>(
  query: string,
  variables: Record<string, unknown>,
  token?: string,
) => Promise<GraphqlResponse<Data>>;

/**
 * A client over the kept-alive `connections`, one per concurrent caller. fetch's pool opens a new connection when
 * a request is sent before the previous response has handed its connection back, which happens under load; each new
 * connection then waits for the saturated server to accept it, and the requests behind it show as a latency tail of
 * the client's making.
 */
function graphqlClient(url: string, agent: HttpAgent): GraphqlClient {
  return (query, variables, token) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      const request = httpRequest(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as GraphqlResponse<never>);
            } catch (error) {
              reject(error);
            }
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
}

/** A published event whose one paid ticket type is on sale now, with `CAPACITY` units and no per-buyer limit in play. */
async function openSale(client: GraphqlClient): Promise<{ eventId: string; ticketTypeId: string }> {
  const signedUp = await client<{ signUp: { accessToken: string } }>(SIGN_UP, {
    input: {
      email: `organizer-${randomUUID()}@bench.example`,
      password: 'correct horse battery staple',
      displayName: 'Bench Organizer',
      role: 'ORGANIZER',
    },
  });
  const token = signedUp.data?.signUp.accessToken ?? failed(signedUp);
  const now = Date.now();
  const created = await client<{ createEvent: { id: string } }>(
    CREATE_EVENT,
    {
      input: {
        title: 'Flash sale benchmark',
        description: 'Sold out in seconds.',
        format: 'ONLINE',
        startsAt: new Date(now + 48 * hour).toISOString(),
        endsAt: new Date(now + 50 * hour).toISOString(),
        timeZone: 'UTC',
        registrationOpensAt: new Date(now - hour).toISOString(),
        registrationClosesAt: new Date(now + 48 * hour).toISOString(),
      },
    },
    token,
  );
  const eventId = created.data?.createEvent.id ?? failed(created);
  const ticketType = await client<{ createTicketType: { id: string } }>(
    CREATE_TICKET_TYPE,
    {
      eventId,
      input: {
        name: 'General admission',
        pricingType: 'PAID',
        attendanceMode: 'ONLINE',
        price: { amount: 4500, currency: 'EUR' },
        totalQuantity: CAPACITY,
      },
    },
    token,
  );
  const ticketTypeId = ticketType.data?.createTicketType.id ?? failed(ticketType);
  const published = await client<{ publishEvent: unknown }>(PUBLISH_EVENT, { id: eventId }, token);
  if (!published.data?.publishEvent) failed(published);
  return { eventId, ticketTypeId };
}

/** Every call of the measured rounds must succeed: a refusal would mean the rate counts something else. */
function failed(result: { errors?: unknown[] }): never {
  throw new Error(`A benchmark request failed: ${JSON.stringify(result.errors)}`);
}

/**
 * Runs a round and records this process's CPU time per request it answered: the API, its projections and the HTTP
 * clients all run here, so on a machine where the process is CPU-bound this explains the ratio better than rates.
 */
async function cpuPerRequest(
  perRequest: number[],
  latencies: readonly number[],
  round: () => Promise<number>,
): Promise<number> {
  const requestsBefore = latencies.length;
  const cpuBefore = process.cpuUsage();
  const rate = await round();
  const { user, system } = process.cpuUsage(cpuBefore);
  perRequest.push((user + system) / 1_000 / Math.max(1, latencies.length - requestsBefore));
  return rate;
}

function timed(
  step: (client: number) => Promise<number>,
  latencies: number[],
): (client: number) => Promise<number> {
  return async (client) => {
    const started = performance.now();
    const items = await step(client);
    latencies.push(performance.now() - started);
    return items;
  };
}
