import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, READ_YOUR_WRITES, type ReadYourWrites } from '@ticketing/event-store';
import { Clock, type CommandOrigin, commandContextFor } from '@ticketing/platform';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { ticketTypeDecider } from '../domain/ticket-type.decider';
import { withdrawTicketType } from './inventory';
import { loadEventState } from './load-event-state';
import { runTicketTypeCommand } from './run-ticket-type-command';
import { targetTicketType } from './ticket-type-change';

export class DeleteTicketTypeCommand extends Command<string> {
  constructor(
    readonly ticketTypeId: string,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

/**
 * The event decides first whether its ticket type may be deleted, then the inventory withdraws it, refusing when
 * anything of it was ever sold; only then is the deletion recorded on the event.
 */
@CommandHandler(DeleteTicketTypeCommand)
export class DeleteTicketTypeHandler implements ICommandHandler<DeleteTicketTypeCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_YOUR_WRITES) private readonly readYourWrites: ReadYourWrites,
    @Inject(READ_DB) private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async execute({ ticketTypeId, origin }: DeleteTicketTypeCommand): Promise<string> {
    const target = await targetTicketType(this.db, ticketTypeId, origin);
    const context = commandContextFor(origin, this.clock.now());
    const command = { type: 'DeleteTicketType' as const, ...target };
    ticketTypeDecider.decide(command, await loadEventState(this.store, target.eventId), context.now);
    await withdrawTicketType(this.store, target.eventId, { ticketTypeId }, context);
    const outcome = await runTicketTypeCommand(this.store, command, context);
    await this.readYourWrites.waitFor(outcome.position);
    return ticketTypeId;
  }
}
