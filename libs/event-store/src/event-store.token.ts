/** Nest injection token for the `EventStore` port. */
export const EVENT_STORE = Symbol('EVENT_STORE');
