import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, READ_YOUR_WRITES, type ReadYourWrites } from '@ticketing/event-store';
import { Clock, type CommandOrigin, commandContextFor, newId } from '@ticketing/platform';
import { requireRole, Role } from '@ticketing/platform/domain';
import type { EventDetailsInput } from '../domain/event-details';
import { setEventCapacityLimit } from './inventory';
import { runEventCommand } from './run-event-command';

/** The details of a new event; leaving out the venue or the capacity means it has none. */
export type NewEventDetails = Omit<EventDetailsInput, 'venue' | 'maxCapacity'> &
  Partial<Pick<EventDetailsInput, 'venue' | 'maxCapacity'>>;

export class CreateEventCommand extends Command<string> {
  constructor(
    readonly details: NewEventDetails,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

/**
 * Organizers and admins create events; whoever creates one owns it. A maximum capacity is handed to the event's
 * inventory too, which holds it against the ticket types' capacities.
 */
@CommandHandler(CreateEventCommand)
export class CreateEventHandler implements ICommandHandler<CreateEventCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_YOUR_WRITES) private readonly readYourWrites: ReadYourWrites,
    private readonly clock: Clock,
  ) {}

  async execute({ details, origin }: CreateEventCommand): Promise<string> {
    const organizer = requireRole(origin.principal, Role.ORGANIZER, Role.ADMIN);
    const maxCapacity = details.maxCapacity ?? null;
    const command = {
      type: 'CreateEvent' as const,
      eventId: newId(),
      organizerId: organizer.userId,
      details: { ...details, venue: details.venue ?? null, maxCapacity },
    };
    const context = commandContextFor(origin, this.clock.now());
    const eventId = await runEventCommand(this.store, this.readYourWrites, command, context);
    if (maxCapacity !== null) await setEventCapacityLimit(this.store, eventId, { maxCapacity }, context);
    return eventId;
  }
}
