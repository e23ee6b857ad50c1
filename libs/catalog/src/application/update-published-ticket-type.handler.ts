import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, READ_YOUR_WRITES, type ReadYourWrites } from '@ticketing/event-store';
import { Clock, type CommandOrigin } from '@ticketing/platform';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import type { PublishedTicketTypeChanges } from '../domain/ticket-type.decider';
import { changeTicketType } from './ticket-type-change';

export class UpdatePublishedTicketTypeCommand extends Command<string> {
  constructor(
    readonly ticketTypeId: string,
    readonly changes: PublishedTicketTypeChanges,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

/** Visibility, perks and status: what may change once the event is published. */
@CommandHandler(UpdatePublishedTicketTypeCommand)
export class UpdatePublishedTicketTypeHandler implements ICommandHandler<UpdatePublishedTicketTypeCommand> {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(READ_YOUR_WRITES) readonly readYourWrites: ReadYourWrites,
    @Inject(READ_DB) readonly db: Kysely<Database>,
    readonly clock: Clock,
  ) {}

  execute({ ticketTypeId, changes, origin }: UpdatePublishedTicketTypeCommand): Promise<string> {
    return changeTicketType(this, ticketTypeId, origin, (target) => ({
      type: 'UpdatePublishedTicketType',
      ...target,
      changes,
    }));
  }
}
