/** Nest injection token for the `EventStore` port. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * Nest injection token for the process's one `BatchingCommandExecutor`, which owns the streams a flash sale makes hot
 * (an event's inventory, a shared promo code). Every context deciding on those streams goes through it, so each
 * stream has a single owner in the process and commands to it are batched instead of conflicting.
 */
export const HOT_STREAMS = Symbol('HOT_STREAMS');
