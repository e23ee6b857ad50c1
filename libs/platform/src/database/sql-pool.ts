/**
 * The smallest shape both `pg.Pool` and our PGlite pool satisfy. Kysely's `PostgresDialect` accepts it as its pool,
 * and the Postgres event-store adapter runs on it, so one database can hold the log and the read models.
 */
export interface SqlResult<Row> {
  command?: string;
  rowCount: number | null;
  rows: Row[];
}

export interface SqlClient {
  query<Row = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<SqlResult<Row>>;
  release(err?: Error | boolean): void;
}

export interface SqlPool {
  /** A client to run statements on alone, e.g. a transaction. Always `release()` it. */
  connect(): Promise<SqlClient>;
  query<Row = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<SqlResult<Row>>;
  end(): Promise<void>;
}

/** Runs `work` inside BEGIN/COMMIT on one client; rolls back when it throws. */
export async function inTransaction<T>(pool: SqlPool, work: (client: SqlClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
