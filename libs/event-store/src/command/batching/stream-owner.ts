import type { CommandContext } from '@ticketing/platform';
import { conflict, type Decider, type DomainEvent } from '@ticketing/platform/domain';
import { type EventStore, type LogPosition, WrongExpectedRevisionError } from '../../event-store.port';
import type { CommandOutcome } from '../run-command';
import { type BatchDecision, decideBatch } from './decide-batch';
import { KnownStream } from './known-stream';
import { PendingCommand, type Settlement } from './pending-command';

export interface StreamOwnerLimits {
  maxBatchSize: number;
  maxConflictRetries: number;
  recentEventsRemembered: number;
}

/**
 * The one decider of one stream in this process. Commands queue up while the previous batch is being appended; the
 * owner then takes them all (up to `maxBatchSize`), decides them in turn against the state it holds in memory, and
 * appends every accepted event in one write at the revision it knows. A burst of commands thus costs one commit
 * instead of one commit each, and commands of one process never race each other for the stream's revision.
 *
 * The in-memory revision is only trusted until an append at it fails: another process wrote in between, so the
 * owner reads what that writer appended and decides the same batch again on the fresh state, which is what keeps a
 * rule such as capacity from being broken across processes.
 *
 * @example
 * const limits = { maxBatchSize: 256, maxConflictRetries: 20, recentEventsRemembered: 10_000 };
 * const owner = new StreamOwner(store, seatDecider, 'ticketType-42', limits);
 * const outcome = await owner.submit({ type: 'ReserveSeats', buyerId, seats: 2 }, context, undefined);
 */
export class StreamOwner<Command, Event extends DomainEvent, State> {
  private readonly queue: PendingCommand<Command, Event, State>[] = [];
  /** Queued commands by command id, so that a command sent twice before its batch is taken is decided once. */
  private readonly queuedById = new Map<string, PendingCommand<Command, Event, State>>();
  private known: KnownStream<Event, State> | null = null;
  private draining = false;
  private lastActiveAt = performance.now();

  constructor(
    private readonly store: EventStore,
    readonly decider: Decider<Command, Event, State>,
    readonly streamName: string,
    private readonly limits: StreamOwnerLimits,
  ) {}

  /** Milliseconds since the owner last had work, at `now` (`performance.now()`); 0 while it has some. */
  idleFor(now: number): number {
    return this.draining ? 0 : now - this.lastActiveAt;
  }

  submit(
    command: Command,
    context: CommandContext,
    schemaVersions: Readonly<Record<string, number>> | undefined,
  ): Promise<CommandOutcome<Event, State>> {
    const queued = this.queuedById.get(context.commandId);
    if (queued) return queued.outcome;
    const pending = new PendingCommand<Command, Event, State>(command, context, schemaVersions);
    this.queue.push(pending);
    this.queuedById.set(context.commandId, pending);
    if (!this.draining) {
      this.draining = true;
      void this.drain();
    }
    return pending.outcome;
  }

  private async drain(): Promise<void> {
    do {
      // Each batch is taken on a later turn of the event loop, so that commands arriving together, and callers
      // answered by the previous batch who send their next command at once, are decided together.
      await nextTurn();
      const batch = this.queue.splice(0, this.limits.maxBatchSize);
      for (const pending of batch) this.queuedById.delete(pending.context.commandId);
      const settlements = await this.process(batch);
      batch.forEach((pending, index) => pending.settle(settlements[index]));
    } while (this.queue.length > 0);
    this.draining = false;
    this.lastActiveAt = performance.now();
  }

  private async process(batch: PendingCommand<Command, Event, State>[]): Promise<Settlement<Event, State>[]> {
    try {
      return await this.decideAndAppend(batch);
    } catch (error) {
      // Whether a failed append landed is unknown, and a failed read may have left the state half caught up: only
      // a fresh load can be trusted again.
      this.known = null;
      return batch.map(() => ({ error }));
    }
  }

  private async decideAndAppend(
    batch: PendingCommand<Command, Event, State>[],
  ): Promise<Settlement<Event, State>[]> {
    let readSinceTaken = this.known === null;
    const known = this.known ?? (await this.load());
    let conflicts = 0;
    for (;;) {
      const decision = decideBatch(this.decider, this.streamName, known, batch);
      if (decision.toAppend.length === 0) {
        // Without an append no revision check vouches for the state these answers rest on, and a state held in
        // memory can be old: another process may have freed seats since this one last wrote. So the answers wait
        // for a read that began after the batch was taken.
        if (!readSinceTaken) {
          readSinceTaken = true;
          if ((await this.catchUp(known)) > 0) continue;
        }
        return toSettlements(decision, known.state, null);
      }
      try {
        const result = await this.store.append(this.streamName, decision.toAppend, known.revision);
        known.appended(decision, result);
        return toSettlements(decision, known.state, result.position);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
      // Another writer moved the stream past the known revision, so every verdict above may rest on a state that
      // no longer holds: read what it appended and decide the same batch again.
      await this.catchUp(known);
      readSinceTaken = true;
      conflicts += 1;
      if (conflicts > this.limits.maxConflictRetries) {
        const error = conflict(
          'STREAM_CONTENDED',
          `${this.streamName} kept changing under concurrent writers (${conflicts} attempts); try again`,
        );
        return batch.map(() => ({ error }));
      }
    }
  }

  private async load(): Promise<KnownStream<Event, State>> {
    const known = new KnownStream<Event, State>(this.decider, this.limits.recentEventsRemembered);
    known.catchUp(await this.store.readStream(this.streamName));
    this.known = known;
    return known;
  }

  /** Folds what other writers appended since the known revision; returns how many events that was. */
  private async catchUp(known: KnownStream<Event, State>): Promise<number> {
    const events = await this.store.readStream(this.streamName, { fromRevision: known.nextRevision });
    known.catchUp(events);
    return events.length;
  }
}

function toSettlements<Event, State>(
  decision: BatchDecision<Event, State>,
  state: State,
  appendedAt: LogPosition | null,
): Settlement<Event, State>[] {
  return decision.verdicts.map((verdict) => {
    switch (verdict.kind) {
      case 'refused':
        return { error: verdict.error };
      case 'already-appended':
        return { outcome: { events: verdict.events, state, position: verdict.position } };
      case 'accepted':
        return {
          outcome: {
            events: verdict.events,
            state: verdict.state,
            position: verdict.events.length > 0 ? appendedAt : null,
          },
        };
    }
  });
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
