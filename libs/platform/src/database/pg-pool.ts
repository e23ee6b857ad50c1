import { Pool } from 'pg';
import type { SqlPool } from './sql-pool';

export function openPgPool(connectionString: string, max = 10): SqlPool {
  const pool = new Pool({ connectionString, max });
  // An idle client losing its server must not crash the process; the next checkout reconnects.
  pool.on('error', () => undefined);
  return pool as unknown as SqlPool;
}
