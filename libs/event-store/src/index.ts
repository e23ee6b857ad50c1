export * from './event-store.port';
export * from './event-store.token';
export * from './command/run-command';
export * from './command/batching';
export * from './read-your-writes';
export * from './postgres';
export * from './esdb';
