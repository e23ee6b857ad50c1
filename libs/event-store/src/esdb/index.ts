export * from './esdb-event-store';
export type { ResubscribeBackoff } from './esdb-subscription';
