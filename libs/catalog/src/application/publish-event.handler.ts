import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, READ_YOUR_WRITES, type ReadYourWrites } from '@ticketing/event-store';
import { Clock, type CommandOrigin, commandContextFor } from '@ticketing/platform';
import { requirePrincipal } from '@ticketing/platform/domain';
import { runEventCommand } from './run-event-command';

export class PublishEventCommand extends Command<string> {
  constructor(
    readonly eventId: string,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

@CommandHandler(PublishEventCommand)
export class PublishEventHandler implements ICommandHandler<PublishEventCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_YOUR_WRITES) private readonly readYourWrites: ReadYourWrites,
    private readonly clock: Clock,
  ) {}

  execute({ eventId, origin }: PublishEventCommand): Promise<string> {
    const actor = requirePrincipal(origin.principal);
    const command = { type: 'PublishEvent' as const, eventId, actor };
    return runEventCommand(
      this.store,
      this.readYourWrites,
      command,
      commandContextFor(origin, this.clock.now()),
    );
  }
}
