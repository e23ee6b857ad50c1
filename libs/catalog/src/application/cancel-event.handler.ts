import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, READ_YOUR_WRITES, type ReadYourWrites } from '@ticketing/event-store';
import { Clock, type CommandOrigin, commandContextFor } from '@ticketing/platform';
import { requirePrincipal } from '@ticketing/platform/domain';
import { runEventCommand } from './run-event-command';

export class CancelEventCommand extends Command<string> {
  constructor(
    readonly eventId: string,
    readonly reason: string,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

@CommandHandler(CancelEventCommand)
export class CancelEventHandler implements ICommandHandler<CancelEventCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_YOUR_WRITES) private readonly readYourWrites: ReadYourWrites,
    private readonly clock: Clock,
  ) {}

  execute({ eventId, reason, origin }: CancelEventCommand): Promise<string> {
    const actor = requirePrincipal(origin.principal);
    const command = { type: 'CancelEvent' as const, eventId, actor, reason };
    return runEventCommand(
      this.store,
      this.readYourWrites,
      command,
      commandContextFor(origin, this.clock.now()),
    );
  }
}
