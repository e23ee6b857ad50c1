export * from './domain';
export * from './database';
