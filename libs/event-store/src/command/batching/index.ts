export * from './batching-command-executor';
