import type { LogPosition } from '@ticketing/event-store';

/**
 * The checkpoint is not where this runner left it: a rebuild swapped the read model, or another runner applied a
 * batch. The batch is rolled back; the runner reloads the checkpoint and carries on from there.
 */
export class CheckpointMovedError extends Error {
  constructor(
    readonly projection: string,
    readonly expected: LogPosition | null,
    readonly actual: LogPosition | null,
  ) {
    super(`Checkpoint of ${projection} moved from ${describe(expected)} to ${describe(actual)}`);
    this.name = 'CheckpointMovedError';
  }
}

function describe(position: LogPosition | null): string {
  return position ? `${position.commit}/${position.prepare}` : 'the start';
}
