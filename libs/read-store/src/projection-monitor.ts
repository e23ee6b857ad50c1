import type { LogPosition } from '@ticketing/event-store';

/** Where one projection stands, read from the database. */
export interface ProjectionProgress {
  name: string;
  /** The stored checkpoint: the last event the projection has read. Null at the start of the log. */
  position: LogPosition | null;
  /** Events in the log after `position`, counted up to a cap. */
  lag: number;
  /** True when the count stopped at the cap: the projection is at least `lag` events behind. */
  lagIsCapped: boolean;
}

/** How far the read models are, wherever their projections run: health checks and read-your-writes use it. */
export interface ProjectionMonitor {
  status(): Promise<ProjectionProgress[]>;
  /** True once every projection has passed `position`; false when `timeoutMs` runs out first. */
  waitForPosition(position: LogPosition, timeoutMs: number): Promise<boolean>;
}
