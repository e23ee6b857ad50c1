import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, READ_YOUR_WRITES, type ReadYourWrites } from '@ticketing/event-store';
import { Clock, type CommandOrigin, commandContextFor } from '@ticketing/platform';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { assertCapacityChangeable } from '../domain/ticket-type.decider';
import { changeTicketTypeCapacity } from './inventory';
import { loadEventState } from './load-event-state';
import { targetTicketType } from './ticket-type-change';

export class UpdateTicketTypeCapacityCommand extends Command<string> {
  constructor(
    readonly ticketTypeId: string,
    readonly totalQuantity: number,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

/**
 * The event says whether its ticket type may still be resized; the inventory, which owns capacity, decides the new
 * one against what is sold and held and against the event's maximum.
 */
@CommandHandler(UpdateTicketTypeCapacityCommand)
export class UpdateTicketTypeCapacityHandler implements ICommandHandler<UpdateTicketTypeCapacityCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_YOUR_WRITES) private readonly readYourWrites: ReadYourWrites,
    @Inject(READ_DB) private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async execute({ ticketTypeId, totalQuantity, origin }: UpdateTicketTypeCapacityCommand): Promise<string> {
    const target = await targetTicketType(this.db, ticketTypeId, origin);
    const context = commandContextFor(origin, this.clock.now());
    assertCapacityChangeable(target, await loadEventState(this.store, target.eventId), context.now);
    const outcome = await changeTicketTypeCapacity(
      this.store,
      target.eventId,
      { ticketTypeId, capacity: totalQuantity },
      context,
    );
    await this.readYourWrites.waitFor(outcome.position);
    return ticketTypeId;
  }
}
