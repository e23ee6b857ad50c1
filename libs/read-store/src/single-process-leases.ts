import type { ProjectionLease, ProjectionLeases } from './projection-lease';

/** Leases for a database only this process can reach (PGlite): granted unless this object already lent them. */
export class SingleProcessLeases implements ProjectionLeases {
  private readonly held = new Map<string, AbortController>();

  async tryAcquire(projection: string): Promise<ProjectionLease | null> {
    if (this.held.has(projection)) return null;
    const ownership = new AbortController();
    this.held.set(projection, ownership);
    return {
      signal: ownership.signal,
      release: async () => {
        if (this.held.get(projection) !== ownership) return;
        this.held.delete(projection);
        ownership.abort();
      },
    };
  }

  async close(): Promise<void> {
    for (const ownership of this.held.values()) ownership.abort();
    this.held.clear();
  }
}
