import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, READ_YOUR_WRITES, type ReadYourWrites } from '@ticketing/event-store';
import { Clock, type CommandOrigin } from '@ticketing/platform';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import type { TicketTypeStatus } from '../domain/ticket-type-status';
import { changeTicketType } from './ticket-type-change';

export class UpdateTicketTypeStatusCommand extends Command<string> {
  constructor(
    readonly ticketTypeId: string,
    readonly status: TicketTypeStatus,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

@CommandHandler(UpdateTicketTypeStatusCommand)
export class UpdateTicketTypeStatusHandler implements ICommandHandler<UpdateTicketTypeStatusCommand> {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(READ_YOUR_WRITES) readonly readYourWrites: ReadYourWrites,
    @Inject(READ_DB) readonly db: Kysely<Database>,
    readonly clock: Clock,
  ) {}

  execute({ ticketTypeId, status, origin }: UpdateTicketTypeStatusCommand): Promise<string> {
    return changeTicketType(this, ticketTypeId, origin, (target) => ({
      type: 'ChangeTicketTypeStatus',
      ...target,
      status,
    }));
  }
}
