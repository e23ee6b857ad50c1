import type { SqlPool } from '@ticketing/platform';
import type { EventStoreTables } from '../event-store-tables';

/**
 * The reader the log's visibility rule exists to prevent: it follows the events table by sequence number alone and
 * moves its cursor past whatever it has seen. Tests run it beside the real subscription to show that their load
 * does produce the sequence gaps this reader falls into.
 */
export class NaiveSequenceReader {
  readonly seen = new Set<bigint>();
  private cursor: bigint;
  private stopped = false;
  private readonly polling: Promise<void>;

  private constructor(
    private readonly pool: SqlPool,
    private readonly tables: EventStoreTables,
    startAfterSequence: bigint,
  ) {
    this.cursor = startAfterSequence;
    this.polling = this.poll();
  }

  /** Starts polling after the highest sequence number committed so far. */
  static async start(pool: SqlPool, tables: EventStoreTables): Promise<NaiveSequenceReader> {
    const { rows } = await pool.query<{ sequence: string }>(
      `SELECT coalesce(max(sequence), 0)::text AS sequence FROM ${tables.events}`,
    );
    return new NaiveSequenceReader(pool, tables, BigInt(rows[0].sequence));
  }

  /** Stops polling after one last read, so every row committed by now is either seen or skipped for good. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.polling;
    await this.readOnce();
  }

  /** Reads once now, besides the polling: whatever has committed by now is seen, and moves the cursor past gaps. */
  async readNow(): Promise<void> {
    await this.readOnce();
  }

  private async poll(): Promise<void> {
    while (!this.stopped) {
      await this.readOnce();
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  private async readOnce(): Promise<void> {
    const { rows } = await this.pool.query<{ prepare_position: string }>(
      `SELECT sequence::text AS prepare_position FROM ${this.tables.events}
       WHERE sequence > $1::bigint ORDER BY sequence`,
      [String(this.cursor)],
    );
    for (const row of rows) {
      const sequence = BigInt(row.prepare_position);
      this.seen.add(sequence);
      this.cursor = sequence;
    }
  }
}
