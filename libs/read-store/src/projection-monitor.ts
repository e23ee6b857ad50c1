import type { LogPosition } from '@ticketing/event-store';

/** Nest injection token for `ProjectionMonitor`. */
export const PROJECTION_MONITOR = Symbol('PROJECTION_MONITOR');

export interface ProjectionStatus {
  name: string;
  /** The last event the projection has seen; null before its first. */
  position: LogPosition | null;
  /** Events in the log after `position`. */
  lag: number;
}

/** Where each projection stands, read from its checkpoint, wherever the projection runs. */
export interface ProjectionMonitor {
  status(): Promise<ProjectionStatus[]>;
}
