export * from './errors';
export * from './decider';
export * from './principal';
export * from './authorization';
export * from './decider-spec';
export * from './persistent-map';
export * from './name-based-ids';
