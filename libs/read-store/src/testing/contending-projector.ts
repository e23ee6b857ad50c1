import { PostgresEventStore } from '@ticketing/event-store';
import { openPgPool } from '@ticketing/platform';
import { sleep } from '../interruptible-sleep';
import { projectionLeasesFor } from '../projection-lease';
import { ProjectionRunner } from '../projection-runner';
import type { Projection } from '../projection';
import { createReadDatabase } from '../read-database';
import { streamCountsProjection } from './stream-counts.projection';

/**
 * A projector process for the lease tests. It applies the stream counts under advisory-lock leases until SIGTERM
 * (or SIGKILL), writes its pid into `test_projection_appliers` in every batch it applies so the test can tell who
 * applied, and prints `ready` once started, then every runner message, on stdout.
 *
 * Environment: TEST_CONNECTION_STRING (with the read store's search_path), TEST_EVENT_STORE_SCHEMA,
 * TEST_BATCH_SIZE, TEST_APPLY_DELAY_MS (per event, to keep a batch in flight long enough to be killed in).
 */
async function main(): Promise<void> {
  const pool = openPgPool(requiredEnv('TEST_CONNECTION_STRING'), 4);
  const store = new PostgresEventStore(pool, {
    schema: requiredEnv('TEST_EVENT_STORE_SCHEMA'),
    pollIntervalMs: 20,
  });
  const db = createReadDatabase(pool);
  const leases = projectionLeasesFor(pool);
  const applyDelayMs = Number(process.env.TEST_APPLY_DELAY_MS ?? 0);
  const signingApplies: Projection = {
    ...streamCountsProjection,
    async apply(trx, event) {
      await trx
        .insertInto('test_projection_appliers')
        .values({ pid: process.pid })
        .onConflict((conflict) => conflict.doNothing())
        .execute();
      await streamCountsProjection.apply(trx, event);
      await sleep(applyDelayMs);
    },
  };
  const print = (message: string) => process.stdout.write(`${message}\n`);
  const runner = new ProjectionRunner({
    store,
    db,
    projections: [signingApplies],
    leases,
    batchSize: Number(process.env.TEST_BATCH_SIZE ?? 500),
    leaseRetryMs: 200,
    logger: { log: print, warn: print, error: (message, error) => print(`${message}: ${error}`) },
  });
  await runner.start();
  print('ready');
  process.once('SIGTERM', () => {
    void (async () => {
      await runner.stop();
      await leases.close();
      await store.close();
      await db.destroy();
      print('stopped');
      process.exit(0);
    })();
  });
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
