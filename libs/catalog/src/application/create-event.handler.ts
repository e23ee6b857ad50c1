import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, READ_YOUR_WRITES, type ReadYourWrites } from '@ticketing/event-store';
import { Clock, type CommandOrigin, commandContextFor, newId } from '@ticketing/platform';
import { requireRole, Role } from '@ticketing/platform/domain';
import type { EventDetailsInput } from '../domain/event-details';
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

/** Organizers and admins create events; whoever creates one owns it. */
@CommandHandler(CreateEventCommand)
export class CreateEventHandler implements ICommandHandler<CreateEventCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_YOUR_WRITES) private readonly readYourWrites: ReadYourWrites,
    private readonly clock: Clock,
  ) {}

  execute({ details, origin }: CreateEventCommand): Promise<string> {
    const organizer = requireRole(origin.principal, Role.ORGANIZER, Role.ADMIN);
    const command = {
      type: 'CreateEvent' as const,
      eventId: newId(),
      organizerId: organizer.userId,
      details: { ...details, venue: details.venue ?? null, maxCapacity: details.maxCapacity ?? null },
    };
    return runEventCommand(
      this.store,
      this.readYourWrites,
      command,
      commandContextFor(origin, this.clock.now()),
    );
  }
}
