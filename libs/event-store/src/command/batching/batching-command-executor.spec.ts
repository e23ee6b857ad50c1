import type { EventStore } from '../../event-store.port';
import { BatchingCommandExecutor } from './batching-command-executor';

describe('BatchingCommandExecutor options', () => {
  const noStore = {} as EventStore;

  it.each([
    [{ maxBatchSize: 0 }, 'maxBatchSize must be a whole number of at least 1, not 0'],
    [{ maxConflictRetries: -1 }, 'maxConflictRetries must be a whole number of at least 0, not -1'],
    [{ recentEventsRemembered: 0 }, 'recentEventsRemembered must be a whole number of at least 1, not 0'],
    [{ idleEvictionMs: 0.5 }, 'idleEvictionMs must be a whole number of at least 1, not 0.5'],
  ])('refuses limits it cannot work with: %o', (options, message) => {
    expect(() => new BatchingCommandExecutor(noStore, options)).toThrow(message);
  });
});
