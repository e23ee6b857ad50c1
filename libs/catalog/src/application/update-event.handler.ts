import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, READ_YOUR_WRITES, type ReadYourWrites } from '@ticketing/event-store';
import { Clock, type CommandOrigin, commandContextFor } from '@ticketing/platform';
import { requirePrincipal } from '@ticketing/platform/domain';
import type { EventDetailsInput } from '../domain/event-details';
import { runEventCommand } from './run-event-command';

export class UpdateEventCommand extends Command<string> {
  constructor(
    readonly eventId: string,
    /** Fields left out stay as they are; a null venue or capacity removes it. */
    readonly changes: Partial<EventDetailsInput>,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

@CommandHandler(UpdateEventCommand)
export class UpdateEventHandler implements ICommandHandler<UpdateEventCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_YOUR_WRITES) private readonly readYourWrites: ReadYourWrites,
    private readonly clock: Clock,
  ) {}

  execute({ eventId, changes, origin }: UpdateEventCommand): Promise<string> {
    const actor = requirePrincipal(origin.principal);
    const command = { type: 'UpdateEvent' as const, eventId, actor, changes };
    return runEventCommand(
      this.store,
      this.readYourWrites,
      command,
      commandContextFor(origin, this.clock.now()),
    );
  }
}
