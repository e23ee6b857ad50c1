export * from './catalog.module';
export * from './application/event-stream';
export * from './application/event.queries';
export * from './projections/catalog.projections';
export * from './projections/catalog.migrations';
export * from './projections/event-listing.projection';
