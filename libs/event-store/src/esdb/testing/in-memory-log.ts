/** An event as the protocol server stores it: what EventStoreDB keeps in a prepare record of its transaction file. */
export interface StoredEvent {
  streamName: string;
  revision: bigint;
  /** Lower-case UUID, as the server formats ids it parsed. */
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
  /** .NET ticks (100 ns) since the Unix epoch, which is how the server reports `created`. */
  createdTicks: bigint;
  /**
   * Byte offset of the record in the log. A self-committed write has no separate commit record, so EventStoreDB
   * reports this offset as both the commit and the prepare position.
   */
  position: bigint;
}

/** A `$all` position as a client sends it; it need not be the position of an event. */
export interface LogPointer {
  commit: bigint;
  prepare: bigint;
}

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

export type ExpectedStreamState =
  | { kind: 'any' }
  | { kind: 'no_stream' }
  | { kind: 'stream_exists' }
  | { kind: 'revision'; revision: bigint };

export type AppendOutcome =
  | { kind: 'written'; lastRevision: bigint; lastPosition: bigint }
  /** An append of no events that passed its check; `currentRevision` is null when the stream does not exist. */
  | { kind: 'nothing_written'; currentRevision: bigint | null }
  /** The same event ids were already written at that place: a retry, so nothing is written again. */
  | { kind: 'idempotent'; lastRevision: bigint }
  /** `currentRevision` is null when the stream does not exist. */
  | { kind: 'wrong_expected_version'; currentRevision: bigint | null };

// Byte offset of the first event: a real transaction file starts with a chunk header and an epoch record.
const FIRST_EVENT_POSITION = 128n;
// Fixed part of a prepare record (lengths, flags, positions, ids, timestamp), so offsets grow like a real log's.
const RECORD_HEADER_BYTES = 84n;

/** The transaction file and stream index of the protocol server: one ordered list of events, indexed by stream. */
export class InMemoryLog {
  private readonly allEvents: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private nextPosition = FIRST_EVENT_POSITION;
  private appendWaiters: Array<() => void> = [];

  get length(): number {
    return this.allEvents.length;
  }

  at(index: number): StoredEvent {
    return this.allEvents[index];
  }

  stream(streamName: string): readonly StoredEvent[] | undefined {
    return this.streams.get(streamName);
  }

  /** Index of the first event at or after `pointer`, or `length` when there is none. */
  firstIndexAtOrAfter(pointer: LogPointer): number {
    return this.firstIndexWhere((event) => compareToPointer(event, pointer) >= 0);
  }

  /** Index of the first event strictly after `pointer`, or `length` when there is none. */
  firstIndexAfter(pointer: LogPointer): number {
    return this.firstIndexWhere((event) => compareToPointer(event, pointer) > 0);
  }

  private firstIndexWhere(isAtOrPast: (event: StoredEvent) => boolean): number {
    let low = 0;
    let high = this.allEvents.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (isAtOrPast(this.allEvents[middle])) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** Resolves at the next successful append. */
  nextAppend(): Promise<void> {
    return new Promise((resolve) => this.appendWaiters.push(resolve));
  }

  /**
   * Checks the expected state the way EventStoreDB's commit check does, including its idempotency rule: events whose
   * ids already sit at the expected place are acknowledged without being written twice.
   */
  append(
    streamName: string,
    proposed: ProposedEvent[],
    expected: ExpectedStreamState,
    now: Date,
  ): AppendOutcome {
    const stream = this.streams.get(streamName) ?? [];
    const currentRevision = stream.length === 0 ? null : BigInt(stream.length - 1);
    const check = this.checkExpected(stream, proposed, expected);
    if (check.kind === 'idempotent') return check;
    if (check.kind === 'conflict') return { kind: 'wrong_expected_version', currentRevision };
    if (proposed.length === 0) return { kind: 'nothing_written', currentRevision };

    const createdTicks = BigInt(now.getTime()) * 10_000n;
    const written = proposed.map((event, offset) =>
      this.store(streamName, BigInt(stream.length + offset), event, createdTicks),
    );
    this.streams.set(streamName, [...stream, ...written]);
    const last = written[written.length - 1];
    this.wakeWaiters();
    return { kind: 'written', lastRevision: last.revision, lastPosition: last.position };
  }

  private checkExpected(
    stream: readonly StoredEvent[],
    proposed: ProposedEvent[],
    expected: ExpectedStreamState,
  ): { kind: 'ok' } | { kind: 'conflict' } | { kind: 'idempotent'; lastRevision: bigint } {
    const matchesFrom = (start: number) =>
      proposed.length > 0 &&
      start + proposed.length <= stream.length &&
      proposed.every((event, offset) => stream[start + offset].id === event.id);
    const idempotentFrom = (start: number) => ({
      kind: 'idempotent' as const,
      lastRevision: BigInt(start + proposed.length - 1),
    });

    switch (expected.kind) {
      case 'any': {
        const start = proposed.length === 0 ? -1 : stream.findIndex((event) => event.id === proposed[0].id);
        if (start === -1) return { kind: 'ok' };
        return matchesFrom(start) ? idempotentFrom(start) : { kind: 'conflict' };
      }
      case 'no_stream':
        if (stream.length === 0) return { kind: 'ok' };
        return matchesFrom(0) ? idempotentFrom(0) : { kind: 'conflict' };
      case 'stream_exists':
        return stream.length > 0 ? { kind: 'ok' } : { kind: 'conflict' };
      case 'revision': {
        const current = BigInt(stream.length - 1);
        if (expected.revision === current) return { kind: 'ok' };
        const start = Number(expected.revision) + 1;
        return expected.revision < current && matchesFrom(start)
          ? idempotentFrom(start)
          : { kind: 'conflict' };
      }
    }
  }

  private store(
    streamName: string,
    revision: bigint,
    event: ProposedEvent,
    createdTicks: bigint,
  ): StoredEvent {
    const stored: StoredEvent = { ...event, streamName, revision, createdTicks, position: this.nextPosition };
    this.allEvents.push(stored);
    this.nextPosition += recordSize(stored);
    return stored;
  }

  private wakeWaiters(): void {
    const waiters = this.appendWaiters;
    this.appendWaiters = [];
    for (const wake of waiters) wake();
  }
}

function compareToPointer(event: StoredEvent, pointer: LogPointer): number {
  if (event.position !== pointer.commit) return event.position < pointer.commit ? -1 : 1;
  if (event.position !== pointer.prepare) return event.position < pointer.prepare ? -1 : 1;
  return 0;
}

function recordSize(event: StoredEvent): bigint {
  const variableBytes =
    Buffer.byteLength(event.streamName) +
    Buffer.byteLength(event.type) +
    event.data.byteLength +
    event.customMetadata.byteLength;
  return RECORD_HEADER_BYTES + BigInt(variableBytes);
}
