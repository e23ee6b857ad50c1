export * from './database';
export * from './projection';
export * from './read-database.token';
export * from './projection-monitor';
