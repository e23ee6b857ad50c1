import type { SqlClient, SqlPool } from '@ticketing/platform';
import type { ProjectionLease, ProjectionLeases } from './projection-lease';

/** The first key of every lock taken here ('proj'), so that ours never collide with other two-key advisory locks. */
export const PROJECTION_LOCK_NAMESPACE = 0x70726f6a;

/**
 * The second key: the projection's name within the session's schema. Advisory locks are per database, and one
 * database may hold several read stores in different schemas (tenants, parallel test runs), each with its own
 * checkpoints: a projection is exclusive within its read store, not across them.
 */
const PROJECTION_LOCK_KEY = `hashtext(current_schema() || '/' || $2)`;

interface Session {
  client: SqlClient;
  heartbeat: NodeJS.Timeout;
  unwatch(): void;
  /** One query at a time: every projection's worker uses this client, and pg 9 no longer queues them itself. */
  query<Row>(text: string, values?: readonly unknown[]): Promise<{ rows: Row[] }>;
}

/**
 * Leases as session-level `pg_try_advisory_lock`s, held on one connection for as long as this process owns any
 * projection, and handed back to the pool once it owns none. When that connection dies the server drops every lock
 * it held, so every lease is lost at once: holders are told through their signal (within `heartbeatMs` at worst),
 * and the next `tryAcquire` opens a new session.
 *
 * @example
 * const leases = new AdvisoryLockLeases(pool);
 * const lease = await leases.tryAcquire('identity-users');
 * if (lease) await projectUntil(lease.signal);
 */
export class AdvisoryLockLeases implements ProjectionLeases {
  private readonly held = new Map<string, AbortController>();
  private opening: Promise<Session> | null = null;
  private session: Session | null = null;
  private closed = false;

  constructor(
    private readonly pool: SqlPool,
    /** How often the session is checked, so that a dead connection stops its holders within about this long. */
    private readonly heartbeatMs = 1_000,
  ) {}

  async tryAcquire(projection: string): Promise<ProjectionLease | null> {
    if (this.closed) throw new Error('The projection leases are closed');
    // Session locks are re-entrant: a second acquisition through the same session would also be granted. The claim
    // is recorded before the first await, which also keeps the session from going back to the pool meanwhile.
    if (this.held.has(projection)) return null;
    const ownership = new AbortController();
    this.held.set(projection, ownership);
    try {
      const session = await this.openSession();
      const { rows } = await session.query<{ granted: boolean }>(
        `select pg_try_advisory_lock($1, ${PROJECTION_LOCK_KEY}) as granted`,
        [PROJECTION_LOCK_NAMESPACE, projection],
      );
      if (rows[0]?.granted === true && !ownership.signal.aborted) {
        return { signal: ownership.signal, release: () => this.release(projection, ownership) };
      }
      this.forget(projection, ownership);
      this.returnSessionIfIdle();
      return null;
    } catch (error) {
      this.forget(projection, ownership);
      this.returnSessionIfIdle();
      throw error;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const opening = this.opening;
    const session = this.session;
    this.endSession();
    // Ending the connection rather than unlocking one by one: the server drops every lock the session held.
    session?.client.release(true);
    await opening?.catch(() => null);
  }

  private async release(projection: string, ownership: AbortController): Promise<void> {
    if (!this.forget(projection, ownership)) return;
    const session = this.session;
    if (!session) return;
    try {
      await session.query(`select pg_advisory_unlock($1, ${PROJECTION_LOCK_KEY})`, [
        PROJECTION_LOCK_NAMESPACE,
        projection,
      ]);
    } catch (error) {
      this.loseSession(session, error);
      return;
    }
    this.returnSessionIfIdle();
  }

  private forget(projection: string, ownership: AbortController): boolean {
    if (this.held.get(projection) !== ownership) return false;
    this.held.delete(projection);
    ownership.abort();
    return true;
  }

  private openSession(): Promise<Session> {
    if (this.session) return Promise.resolve(this.session);
    if (!this.opening) {
      const opening = this.pool.connect().then((client) => this.watch(client));
      this.opening = opening;
      const settled = () => {
        if (this.opening === opening) this.opening = null;
      };
      opening.then(settled, settled);
    }
    return this.opening;
  }

  private watch(client: SqlClient): Session {
    if (this.closed) {
      client.release(true);
      throw new Error('The projection leases are closed');
    }
    const emitter = client as SqlClient & Partial<Pick<NodeJS.EventEmitter, 'on' | 'off'>>;
    const onError = (error: Error) => this.loseSession(session, error);
    const heartbeat = setInterval(() => {
      session.query('select 1').catch((error: unknown) => this.loseSession(session, error));
    }, this.heartbeatMs);
    heartbeat.unref();
    let previous: Promise<unknown> = Promise.resolve();
    const session: Session = {
      client,
      heartbeat,
      unwatch: () => emitter.off?.('error', onError),
      query: <Row>(text: string, values?: readonly unknown[]) => {
        const result = previous.then(() => client.query<Row>(text, values));
        previous = result.catch(() => undefined);
        return result;
      },
    };
    // pg emits 'error' on a checked-out client whose connection dies; unheard, that event would crash the process.
    emitter.on?.('error', onError);
    this.session = session;
    return session;
  }

  /** The connection is gone, and every lock with it: stop every holder before another process takes over. */
  private loseSession(session: Session, error: unknown): void {
    if (this.session !== session) return;
    this.endSession();
    try {
      session.client.release(error instanceof Error ? error : true);
    } catch {
      // Already handed back: the pool has dropped it.
    }
  }

  /** Owning nothing, the connection goes back to the pool instead of sitting idle while others hold the locks. */
  private returnSessionIfIdle(): void {
    const session = this.session;
    if (!session || this.held.size > 0) return;
    this.endSession();
    session.client.release();
  }

  private endSession(): void {
    const session = this.session;
    this.session = null;
    if (session) {
      clearInterval(session.heartbeat);
      session.unwatch();
    }
    for (const ownership of this.held.values()) ownership.abort();
    this.held.clear();
  }
}
