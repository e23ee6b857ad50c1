export * from './sql-pool';
export * from './pglite-pool';
export * from './pg-pool';
export * from './data-dir-lock';
export * from './request-batches';
