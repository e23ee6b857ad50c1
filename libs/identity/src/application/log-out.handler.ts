import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, runCommand } from '@ticketing/event-store';
import { Clock, type CommandOrigin, commandContextFor } from '@ticketing/platform';
import { requirePrincipal } from '@ticketing/platform/domain';
import { sessionDecider } from '../domain/session.decider';
import { sessionStream } from './streams';

export class LogOutCommand extends Command<boolean> {
  constructor(readonly origin: CommandOrigin) {
    super();
  }
}

@CommandHandler(LogOutCommand)
export class LogOutHandler implements ICommandHandler<LogOutCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ origin }: LogOutCommand): Promise<boolean> {
    const { sessionId } = requirePrincipal(origin.principal);
    const context = commandContextFor(origin, this.clock.now());
    await runCommand(
      this.store,
      sessionDecider,
      sessionStream(sessionId),
      { type: 'EndSession', sessionId },
      context,
    );
    return true;
  }
}
