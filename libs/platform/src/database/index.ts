export * from './sql-pool';
export * from './pglite-pool';
export * from './pg-pool';
