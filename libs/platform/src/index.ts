export * from './domain';
export * from './database';
export * from './config';
export * from './clock';
export * from './ids';
export * from './application';
export * from './graphql';
export * from './auth';
