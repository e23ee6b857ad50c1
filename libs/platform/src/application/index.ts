export * from './command-context';
export * from './periodic-rounds';
