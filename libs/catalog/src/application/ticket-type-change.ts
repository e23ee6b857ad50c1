import type { EventStore, ReadYourWrites } from '@ticketing/event-store';
import { type Clock, type CommandOrigin, commandContextFor } from '@ticketing/platform';
import { requirePrincipal } from '@ticketing/platform/domain';
import type { Database } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import type { Actor } from '../domain/event.decider';
import type { TicketTypeCommand } from '../domain/ticket-type.decider';
import { runTicketTypeCommand } from './run-ticket-type-command';
import { requireTicketTypeEventId } from './ticket-type.queries';

/** What a change to an existing ticket type needs; handlers hold it. */
export interface TicketTypeChangeDeps {
  store: EventStore;
  readYourWrites: ReadYourWrites;
  db: Kysely<Database>;
  clock: Clock;
}

/** The ticket type a command names, with its event and who asks. */
export interface TicketTypeTarget {
  eventId: string;
  ticketTypeId: string;
  actor: Actor;
}

export async function targetTicketType(
  db: Kysely<Database>,
  ticketTypeId: string,
  origin: CommandOrigin,
): Promise<TicketTypeTarget> {
  const actor = requirePrincipal(origin.principal);
  return { eventId: await requireTicketTypeEventId(db, ticketTypeId), ticketTypeId, actor };
}

/**
 * Decides the change `build` describes on the ticket type's event and waits until the read models show it, so the
 * mutation answers with the ticket type as it now is. Returns the ticket type's id.
 */
export async function changeTicketType(
  deps: TicketTypeChangeDeps,
  ticketTypeId: string,
  origin: CommandOrigin,
  build: (target: TicketTypeTarget) => TicketTypeCommand,
): Promise<string> {
  const target = await targetTicketType(deps.db, ticketTypeId, origin);
  const context = commandContextFor(origin, deps.clock.now());
  const outcome = await runTicketTypeCommand(deps.store, build(target), context);
  await deps.readYourWrites.waitFor(outcome.position);
  return ticketTypeId;
}
