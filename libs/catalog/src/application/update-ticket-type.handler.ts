import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, READ_YOUR_WRITES, type ReadYourWrites } from '@ticketing/event-store';
import { Clock, type CommandOrigin } from '@ticketing/platform';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import type { TicketTypeDetailsInput } from '../domain/ticket-type-details';
import { changeTicketType } from './ticket-type-change';

export class UpdateTicketTypeCommand extends Command<string> {
  constructor(
    readonly ticketTypeId: string,
    /** Fields left out stay as they are; null clears a field that may be empty. */
    readonly changes: Partial<TicketTypeDetailsInput>,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

/** A full edit, while the event is a draft. */
@CommandHandler(UpdateTicketTypeCommand)
export class UpdateTicketTypeHandler implements ICommandHandler<UpdateTicketTypeCommand> {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(READ_YOUR_WRITES) readonly readYourWrites: ReadYourWrites,
    @Inject(READ_DB) readonly db: Kysely<Database>,
    readonly clock: Clock,
  ) {}

  execute({ ticketTypeId, changes, origin }: UpdateTicketTypeCommand): Promise<string> {
    return changeTicketType(this, ticketTypeId, origin, (target) => ({
      type: 'UpdateTicketType',
      ...target,
      changes,
    }));
  }
}
