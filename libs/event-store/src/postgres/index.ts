export * from './postgres-event-store';
export * from './duplicate-event-id.error';
