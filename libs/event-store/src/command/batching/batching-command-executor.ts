import type { CommandContext } from '@ticketing/platform';
import type { Decider, DomainEvent } from '@ticketing/platform/domain';
import type { EventStore } from '../../event-store.port';
import type { CommandOutcome, RunCommandOptions } from '../run-command';
import { StreamOwner, type StreamOwnerLimits } from './stream-owner';

export interface BatchingCommandExecutorOptions {
  /** The most commands one append carries. Defaults to 256. */
  maxBatchSize?: number;
  /**
   * Times a batch is decided again after another writer moved its stream, before it fails with CONFLICT. Defaults
   * to 20: on a hot stream shared by several processes conflicts are the rule, not the exception, and each one means
   * another process made progress, so retrying wastes nothing but this batch's latency.
   */
  maxConflictRetries?: number;
  /**
   * How long a stream's owner keeps it in memory with nothing to do: at least this long, at most twice. Defaults to
   * 30 seconds.
   */
  idleEvictionMs?: number;
  /** How many of a stream's latest events its owner remembers, to recognise a retried command. Defaults to 10,000. */
  recentEventsRemembered?: number;
}

export type ExecuteCommandOptions = Pick<RunCommandOptions, 'schemaVersions'>;

/**
 * Runs commands on hot streams, the ones many callers write at once (a ticket type in a flash sale), with the same
 * contract as `runCommand`: the outcome holds this command's events, the resulting state and a position at or after
 * its last event, and an error its decider throws rejects this command alone.
 *
 * Each stream gets one owner in this process, which keeps the stream's state in memory, decides the commands queued
 * for it in turn and appends each batch in one write (see `StreamOwner`); every process runs its own, and the
 * store's revision check settles the races between them. A stream is loaded once and then only read from its known
 * revision on; an owner with nothing to do for `idleEvictionMs` lets the stream go, so memory follows the streams in
 * use. Which streams are hot is the caller's choice, command by command: a stream written now and then is better
 * served by `runCommand`, which keeps nothing in memory.
 *
 * @example
 * const executor = new BatchingCommandExecutor(store);
 * const outcome = await executor.execute(
 *   inventoryDecider,
 *   `ticketType-${ticketTypeId}`,
 *   { type: 'ReserveTickets', bookingId, quantity: 2 },
 *   context,
 * );
 * await readYourWrites.waitFor(outcome.position);
 */
export class BatchingCommandExecutor {
  /** Owners of different streams hold different types; `ownerOf` only hands one back to its own decider. */
  private readonly owners = new Map<string, StreamOwner<unknown, DomainEvent, unknown>>();
  private readonly limits: StreamOwnerLimits;
  private readonly idleEvictionMs: number;
  private evictions: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: EventStore,
    options: BatchingCommandExecutorOptions = {},
  ) {
    this.limits = {
      maxBatchSize: wholeNumber('maxBatchSize', options.maxBatchSize ?? 256, 1),
      maxConflictRetries: wholeNumber('maxConflictRetries', options.maxConflictRetries ?? 20, 0),
      recentEventsRemembered: wholeNumber(
        'recentEventsRemembered',
        options.recentEventsRemembered ?? 10_000,
        1,
      ),
    };
    this.idleEvictionMs = wholeNumber('idleEvictionMs', options.idleEvictionMs ?? 30_000, 1);
  }

  /** Decides `command` on `streamName` in the stream's next batch and appends it with that batch. */
  async execute<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    streamName: string,
    command: Command,
    context: CommandContext,
    options: ExecuteCommandOptions = {},
  ): Promise<CommandOutcome<Event, State>> {
    return this.ownerOf(decider, streamName).submit(command, context, options.schemaVersions);
  }

  /** Lets every stream go and stops the eviction timer; commands already queued are still settled. */
  close(): void {
    this.stopEvictions();
    this.owners.clear();
  }

  private ownerOf<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    streamName: string,
  ): StreamOwner<Command, Event, State> {
    const existing = this.owners.get(streamName);
    if (existing) {
      if (existing.decider !== decider) {
        throw new Error(`${streamName} is already owned with another decider; one stream, one decider`);
      }
      return existing as unknown as StreamOwner<Command, Event, State>;
    }
    const owner = new StreamOwner(this.store, decider, streamName, this.limits);
    this.owners.set(streamName, owner as unknown as StreamOwner<unknown, DomainEvent, unknown>);
    this.evictions ??= setInterval(() => this.evictIdleOwners(), this.idleEvictionMs).unref();
    return owner;
  }

  private evictIdleOwners(): void {
    const now = performance.now();
    for (const [streamName, owner] of this.owners) {
      if (owner.idleFor(now) >= this.idleEvictionMs) this.owners.delete(streamName);
    }
    if (this.owners.size === 0) this.stopEvictions();
  }

  private stopEvictions(): void {
    if (this.evictions) clearInterval(this.evictions);
    this.evictions = null;
  }
}

function wholeNumber(option: string, value: number, minimum: number): number {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`${option} must be a whole number of at least ${minimum}, not ${value}`);
  }
  return value;
}
