import { PglitePool } from './pglite-pool';
import { inTransaction } from './sql-pool';

describe('PglitePool', () => {
  let pool: PglitePool;
  beforeAll(async () => {
    pool = await PglitePool.open();
    await pool.query('CREATE TABLE counter (n integer NOT NULL)');
    await pool.query('INSERT INTO counter VALUES (0)');
  });
  afterAll(() => pool.end());

  it('hands the single connection to one borrower at a time, so transactions never interleave', async () => {
    const increments = Array.from({ length: 20 }, () =>
      inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ n: number }>('SELECT n FROM counter');
        await new Promise((resolve) => setTimeout(resolve, 1));
        await client.query('UPDATE counter SET n = $1', [rows[0].n + 1]);
      }),
    );
    await Promise.all(increments);
    const { rows } = await pool.query<{ n: number }>('SELECT n FROM counter');
    expect(rows[0].n).toBe(20);
  });

  it('rolls back a transaction whose work throws', async () => {
    await expect(
      inTransaction(pool, async (client) => {
        await client.query('UPDATE counter SET n = $1', [999]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await pool.query<{ n: number }>('SELECT n FROM counter');
    expect(rows[0].n).toBe(20);
  });
});
