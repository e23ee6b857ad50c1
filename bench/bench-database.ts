import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgPool, PglitePool, type SqlPool } from '@ticketing/platform';

/**
 * A database to measure on: a fresh schema on the server named by BENCH_DATABASE_URL, or PGlite on files in a
 * temporary directory, as the embedded mode runs it (an in-memory PGlite is no mode the product runs in).
 */
export interface BenchDatabase {
  engine: 'postgres' | 'pglite';
  pool: SqlPool;
  /** Empty until the benchmark creates its tables in it. */
  schema: string;
  /** Drops the schema (on a server) or the files (PGlite), and ends the pool. */
  close(): Promise<void>;
}

/** Opens the database a benchmark runs on; `poolSize` applies to a server (PGlite is always one connection). */
export async function openBenchDatabase(poolSize: number): Promise<BenchDatabase> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const dataDir = mkdtempSync(join(tmpdir(), 'ticketing-bench-'));
    const pool = await PglitePool.open(dataDir);
    return {
      engine: 'pglite',
      pool,
      schema: 'bench',
      async close() {
        try {
          await pool.end();
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      },
    };
  }
  const pool = openPgPool(url, poolSize);
  const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  return {
    engine: 'postgres',
    pool,
    schema,
    async close() {
      try {
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await pool.end();
      }
    },
  };
}
