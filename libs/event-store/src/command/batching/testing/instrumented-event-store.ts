import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadStreamOptions,
  RecordedEvent,
} from '../../../event-store.port';

/**
 * An event store that passes everything to another one and lets a test see and steer what an executor does with it:
 * the revision every `readStream` starts at, every append, and a one-off action that runs just before the next
 * append (another writer slipping in, a connection dropping).
 */
export class InstrumentedEventStore implements EventStore {
  /** The `fromRevision` of every `readStream` call, in order (0 when the caller read from the start). */
  readonly readsFrom: bigint[] = [];
  /** The events and expected revision of every append that reached the inner store. */
  readonly appends: { events: NewEvent[]; expected: ExpectedRevision }[] = [];
  private beforeNextAppend: (() => Promise<void>) | null = null;

  constructor(private readonly inner: EventStore) {}

  /** Runs `action` before the next append; a throw fails that append without it reaching the inner store. */
  onNextAppend(action: () => Promise<void>): void {
    this.beforeNextAppend = action;
  }

  async append(streamName: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const action = this.beforeNextAppend;
    this.beforeNextAppend = null;
    await action?.();
    this.appends.push({ events, expected });
    return this.inner.append(streamName, events, expected);
  }

  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.readsFrom.push(options?.fromRevision ?? 0n);
    return this.inner.readStream(streamName, options);
  }

  readAll: EventStore['readAll'] = (options) => this.inner.readAll(options);
  subscribeToAll: EventStore['subscribeToAll'] = (options) => this.inner.subscribeToAll(options);
  headPosition: EventStore['headPosition'] = () => this.inner.headPosition();
  close: EventStore['close'] = () => this.inner.close();
}
