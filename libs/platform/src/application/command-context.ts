import { newId } from '../ids/ids';
import type { Principal } from '../domain/principal';

/**
 * What every command carries besides its own fields: who, when, and the ids that tie its events together.
 * `commandId` seeds the deterministic event ids, so a retried command cannot append twice.
 */
export interface CommandContext {
  commandId: string;
  actor: string | null;
  correlationId: string;
  causationId: string | null;
  now: Date;
}

export interface CommandOrigin {
  principal: Principal | null;
  correlationId: string;
}

/** A fresh command context for a request; pass `commandId` when the client supplied an idempotency key. */
export function commandContextFor(
  origin: CommandOrigin,
  now: Date,
  commandId: string = newId(),
): CommandContext {
  return {
    commandId,
    actor: origin.principal?.userId ?? null,
    correlationId: origin.correlationId,
    causationId: null,
    now,
  };
}
