import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, READ_YOUR_WRITES, type ReadYourWrites } from '@ticketing/event-store';
import { Clock, type CommandOrigin, commandContextFor } from '@ticketing/platform';
import { requirePrincipal } from '@ticketing/platform/domain';
import type { EventDetailsInput } from '../domain/event-details';
import { eventDecider } from '../domain/event.decider';
import { setEventCapacityLimit } from './inventory';
import { loadEventState } from './load-event-state';
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

/**
 * The inventory holds the event's maxCapacity against what its ticket types have sold and held, so a new maximum
 * goes there before the event records it, and a maximum the inventory refuses is never recorded. The update is
 * decided once beforehand, so that a change the event refuses moves nothing in the inventory.
 */
@CommandHandler(UpdateEventCommand)
export class UpdateEventHandler implements ICommandHandler<UpdateEventCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_YOUR_WRITES) private readonly readYourWrites: ReadYourWrites,
    private readonly clock: Clock,
  ) {}

  async execute({ eventId, changes, origin }: UpdateEventCommand): Promise<string> {
    const actor = requirePrincipal(origin.principal);
    const command = { type: 'UpdateEvent' as const, eventId, actor, changes };
    const context = commandContextFor(origin, this.clock.now());
    const [updated] = eventDecider.decide(command, await loadEventState(this.store, eventId), context.now);
    const maxCapacity = updated?.type === 'EventUpdated' ? updated.data.changes.maxCapacity : undefined;
    if (maxCapacity !== undefined) await setEventCapacityLimit(this.store, eventId, { maxCapacity }, context);
    return runEventCommand(this.store, this.readYourWrites, command, context);
  }
}
