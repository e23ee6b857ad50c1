import type { CommandContext } from '@ticketing/platform';
import type { CommandOutcome } from '../run-command';
import type { BatchCommand } from './decide-batch';

/** How a batch ends for one of its commands. */
export type Settlement<Event, State> = { outcome: CommandOutcome<Event, State> } | { error: unknown };

/**
 * A command waiting in its stream owner's queue, and the promise its caller holds until the batch it lands in is
 * settled.
 *
 * @example
 * const pending = new PendingCommand(command, context, undefined);
 * pending.settle({ error: soldOut }); // pending.outcome rejects with soldOut
 */
export class PendingCommand<Command, Event, State> implements BatchCommand<Command> {
  readonly outcome: Promise<CommandOutcome<Event, State>>;
  private resolveOutcome!: (outcome: CommandOutcome<Event, State>) => void;
  private rejectOutcome!: (error: unknown) => void;

  constructor(
    readonly command: Command,
    readonly context: CommandContext,
    readonly schemaVersions: Readonly<Record<string, number>> | undefined,
  ) {
    this.outcome = new Promise((resolve, reject) => {
      this.resolveOutcome = resolve;
      this.rejectOutcome = reject;
    });
  }

  settle(settlement: Settlement<Event, State>): void {
    if ('outcome' in settlement) this.resolveOutcome(settlement.outcome);
    else this.rejectOutcome(settlement.error);
  }
}
