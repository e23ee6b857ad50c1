import { sql, type Kysely, type Migration } from 'kysely';
import type { RecordedEvent } from '@ticketing/event-store';
import type { Database } from '../database';
import type { Projection } from '../projection';

export interface TestStreamCountsTable {
  stream_name: string;
  events: number;
  last_revision: number;
}

export interface TestProjectionAppliersTable {
  pid: number;
}

declare module '@ticketing/read-store/database' {
  interface Database {
    test_stream_counts: TestStreamCountsTable;
    test_projection_appliers: TestProjectionAppliersTable;
  }
}

/** The event type the stream counts handle; every other type only moves the checkpoint. */
export const COUNTED = 'ItemCounted';

export const streamCountsMigrations: Record<string, Migration> = {
  '2026-11-23-9000-test-stream-counts': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('test_stream_counts')
        .addColumn('stream_name', 'text', (column) => column.primaryKey())
        .addColumn('events', 'integer', (column) => column.notNull())
        .addColumn('last_revision', 'integer', (column) => column.notNull())
        .execute();
      await db.schema
        .createTable('test_projection_appliers')
        .addColumn('pid', 'integer', (column) => column.primaryKey())
        .execute();
    },
  },
};

/**
 * Counts each stream's `ItemCounted` events. An event applied twice shows as a count above the log's, a lost one as a
 * count below it, and one applied out of order as a `last_revision` that is not the stream's last counted revision.
 */
export const streamCountsProjection: Projection = {
  name: 'test-stream-counts',
  handles: [COUNTED],
  tables: ['test_stream_counts'],
  async apply(trx, event) {
    await trx
      .insertInto('test_stream_counts')
      .values({ stream_name: event.streamName, events: 1, last_revision: Number(event.revision) })
      .onConflict((conflict) =>
        conflict.column('stream_name').doUpdateSet((update) => ({
          events: sql<number>`test_stream_counts.events + 1`,
          last_revision: update.ref('excluded.last_revision'),
        })),
      )
      .execute();
  },
};

/** What `streamCountsProjection` must hold after projecting `log`, in the order `readStreamCounts` returns. */
export function streamCountsOf(log: readonly RecordedEvent[]): TestStreamCountsTable[] {
  const counts = new Map<string, TestStreamCountsTable>();
  for (const event of log) {
    if (event.type !== COUNTED) continue;
    const count = counts.get(event.streamName) ?? {
      stream_name: event.streamName,
      events: 0,
      last_revision: -1,
    };
    counts.set(event.streamName, {
      ...count,
      events: count.events + 1,
      last_revision: Number(event.revision),
    });
  }
  return [...counts.values()].sort((a, b) => (a.stream_name < b.stream_name ? -1 : 1));
}

/** The whole table, in code-point order of stream name (as `streamCountsOf` sorts), whatever the collation. */
export async function readStreamCounts(db: Kysely<Database>): Promise<TestStreamCountsTable[]> {
  return db
    .selectFrom('test_stream_counts')
    .selectAll()
    .orderBy(sql`stream_name collate "C"`)
    .execute();
}
