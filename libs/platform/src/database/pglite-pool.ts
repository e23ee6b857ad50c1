import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock';
import type { SqlClient, SqlPool, SqlResult } from './sql-pool';

/**
 * PGlite is one connection. This pool hands it out to one borrower at a time, so a Kysely transaction and an
 * event-store append never interleave their statements. A borrower must not ask the pool for a second client
 * before releasing the first: that would wait for itself.
 */
export class PglitePool implements SqlPool {
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    readonly db: PGlite,
    private readonly unlock: () => void,
  ) {}

  /** `dataDir` undefined keeps the database in memory. */
  static async open(dataDir?: string): Promise<PglitePool> {
    const unlock = dataDir ? lockDataDir(`${dataDir}.lock`) : () => undefined;
    try {
      const db = dataDir ? new PGlite(dataDir) : new PGlite();
      await db.waitReady;
      return new PglitePool(db, unlock);
    } catch (error) {
      unlock();
      throw error;
    }
  }

  async connect(): Promise<SqlClient> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.queue;
    this.queue = previous.then(() => turn);
    await previous;
    let released = false;
    return {
      query: <Row>(text: string, values?: readonly unknown[]) => this.run<Row>(text, values),
      release: () => {
        if (released) return;
        released = true;
        release();
      },
    };
  }

  async query<Row = Record<string, unknown>>(
    text: string,
    values?: readonly unknown[],
  ): Promise<SqlResult<Row>> {
    const client = await this.connect();
    try {
      return await client.query<Row>(text, values);
    } finally {
      client.release();
    }
  }

  async end(): Promise<void> {
    const client = await this.connect();
    try {
      if (!this.db.closed) await this.db.close();
    } finally {
      this.unlock();
      client.release();
    }
  }

  private async run<Row>(text: string, values?: readonly unknown[]): Promise<SqlResult<Row>> {
    if (!values || values.length === 0) {
      // exec accepts several statements (migrations, DDL); query accepts one with parameters.
      const results = await this.db.exec(text);
      const last = results[results.length - 1];
      return {
        command: commandOf(text),
        rowCount: last?.affectedRows ?? 0,
        rows: (last?.rows ?? []) as Row[],
      };
    }
    const result = await this.db.query<Row>(text, values as unknown[]);
    return {
      command: commandOf(text),
      rowCount: result.affectedRows ?? result.rows.length,
      rows: result.rows,
    };
  }
}

/** Kysely reads the command tag to report affected rows; PGlite does not return it. */
function commandOf(text: string): string | undefined {
  const keyword = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase();
  return keyword && ['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'SELECT'].includes(keyword) ? keyword : undefined;
}
