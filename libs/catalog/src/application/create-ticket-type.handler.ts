import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, READ_YOUR_WRITES, type ReadYourWrites } from '@ticketing/event-store';
import { Clock, type CommandOrigin, commandContextFor, newId } from '@ticketing/platform';
import { requirePrincipal } from '@ticketing/platform/domain';
import type { NewTicketTypeDetails } from '../domain/ticket-type-defaults';
import { createTicketType } from './ticket-type-creation';

export type NewTicketType = NewTicketTypeDetails & { totalQuantity: number };

export class CreateTicketTypeCommand extends Command<string> {
  constructor(
    readonly eventId: string,
    readonly ticketType: NewTicketType,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

/** Returns the new ticket type's id once the read models show it with its capacity. */
@CommandHandler(CreateTicketTypeCommand)
export class CreateTicketTypeHandler implements ICommandHandler<CreateTicketTypeCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_YOUR_WRITES) private readonly readYourWrites: ReadYourWrites,
    private readonly clock: Clock,
  ) {}

  async execute({ eventId, ticketType, origin }: CreateTicketTypeCommand): Promise<string> {
    const actor = requirePrincipal(origin.principal);
    const { totalQuantity, ...details } = ticketType;
    const command = {
      type: 'CreateTicketType' as const,
      eventId,
      ticketTypeId: newId(),
      actor,
      details,
      totalQuantity,
    };
    const position = await createTicketType(this.store, command, commandContextFor(origin, this.clock.now()));
    await this.readYourWrites.waitFor(position);
    return command.ticketTypeId;
  }
}
