export * from './command-context';
