import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, READ_YOUR_WRITES, type ReadYourWrites } from '@ticketing/event-store';
import { Clock, type CommandOrigin } from '@ticketing/platform';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';

import { changeTicketType } from './ticket-type-change';

export class UpdateTicketTypeSalesWindowCommand extends Command<string> {
  constructor(
    readonly ticketTypeId: string,
    /** An end left out stays where it is. */
    readonly window: { salesStartsAt?: Date; salesEndsAt?: Date },
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

@CommandHandler(UpdateTicketTypeSalesWindowCommand)
export class UpdateTicketTypeSalesWindowHandler
  implements ICommandHandler<UpdateTicketTypeSalesWindowCommand>
{
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(READ_YOUR_WRITES) readonly readYourWrites: ReadYourWrites,
    @Inject(READ_DB) readonly db: Kysely<Database>,
    readonly clock: Clock,
  ) {}

  execute({ ticketTypeId, window, origin }: UpdateTicketTypeSalesWindowCommand): Promise<string> {
    return changeTicketType(this, ticketTypeId, origin, (target) => ({
      type: 'ChangeTicketTypeSalesWindow',
      ...target,
      ...window,
    }));
  }
}
