/** Nest injection token for the `ProjectionMonitor`. */
export const PROJECTION_MONITOR = Symbol('PROJECTION_MONITOR');
