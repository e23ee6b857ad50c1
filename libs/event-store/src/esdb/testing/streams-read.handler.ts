import { randomUUID } from 'node:crypto';
import { type ServerWritableStream, status } from '@grpc/grpc-js';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { InMemoryLog, LogPointer, StoredEvent } from './in-memory-log';
import { type ReadFilter, readFilterFrom } from './read-filter';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

/**
 * A `$all` subscription the server is serving, which it can end with an error: UNAVAILABLE as a node does when it
 * shuts down, or a refusal such as UNAUTHENTICATED.
 */
export interface LiveSubscription {
  drop(code: status, details: string): void;
}

/**
 * Streams.Read: reads of one stream, reads of `$all`, and `$all` subscriptions (confirmation, catch-up, caught-up,
 * then live events as they are appended). Event ids go out as strings, the form this client asks for.
 */
export function createReadHandler(log: InMemoryLog, liveSubscriptions: Set<LiveSubscription>) {
  return async (call: ReadCall): Promise<void> => {
    const options = call.request.getOptions();
    try {
      if (!options) return failCall(call, status.INVALID_ARGUMENT, 'Read request without options');
      if (options.hasStream()) return await readStream(call, log, options);
      if (!options.hasAll()) return failCall(call, status.INVALID_ARGUMENT, 'Read request without a stream');
      if (options.hasSubscription()) return await subscribeToAll(call, log, options, liveSubscriptions);
      return await readAll(call, log, options);
    } catch (error) {
      failCall(call, status.INTERNAL, error instanceof Error ? error.message : String(error));
    }
  };
}

async function readStream(call: ReadCall, log: InMemoryLog, options: ReadReq.Options): Promise<void> {
  if (options.hasSubscription()) {
    return failCall(call, status.UNIMPLEMENTED, 'This server serves subscriptions to $all only');
  }
  const streamOptions = options.getStream() ?? new ReadReq.Options.StreamOptions();
  const identifier = streamOptions.getStreamIdentifier() ?? new StreamIdentifier();
  const events = log.stream(Buffer.from(identifier.getStreamName_asU8()).toString('utf8'));
  if (!events) {
    await send(
      call,
      new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(identifier)),
    );
    call.end();
    return;
  }

  const count = readCount(options);
  const from = streamOptions.hasStart()
    ? 0
    : streamOptions.hasEnd()
      ? events.length
      : revisionIndex(streamOptions);
  let selected: StoredEvent[];
  if (options.getReadDirection() === ReadReq.Options.ReadDirection.FORWARDS) {
    selected = events.slice(from, from + count);
  } else {
    const newest = Math.min(from, events.length - 1);
    selected = events.slice(Math.max(0, newest - count + 1), newest + 1).reverse();
  }
  for (const event of selected) await send(call, eventResponse(event, { inAll: false }));
  call.end();
}

/** Forwards from a position includes the event at it; backwards from a position excludes it, as the server does. */
async function readAll(call: ReadCall, log: InMemoryLog, options: ReadReq.Options): Promise<void> {
  const allOptions = options.getAll() ?? new ReadReq.Options.AllOptions();
  const filter = readFilterFrom(options);
  const count = readCount(options);
  const forwards = options.getReadDirection() === ReadReq.Options.ReadDirection.FORWARDS;
  const start = allOptions.hasStart()
    ? 0
    : allOptions.hasEnd()
      ? log.length
      : log.firstIndexAtOrAfter(pointerFrom(allOptions.getPosition()));

  const selected: StoredEvent[] = [];
  const step = forwards ? 1 : -1;
  for (let index = forwards ? start : start - 1; index >= 0 && index < log.length; index += step) {
    if (selected.length >= count) break;
    const event = log.at(index);
    if (!filter || filter.matches(event)) selected.push(event);
  }
  for (const event of selected) await send(call, eventResponse(event, { inAll: true }));
  call.end();
}

/** A catch-up subscription: exclusive of its start position, then live until the client cancels or it is dropped. */
async function subscribeToAll(
  call: ReadCall,
  log: InMemoryLog,
  options: ReadReq.Options,
  liveSubscriptions: Set<LiveSubscription>,
): Promise<void> {
  const allOptions = options.getAll() ?? new ReadReq.Options.AllOptions();
  const filter = readFilterFrom(options);
  let cursor = allOptions.hasStart()
    ? 0
    : allOptions.hasEnd()
      ? log.length
      : log.firstIndexAfter(pointerFrom(allOptions.getPosition()));

  const ended = new AbortController();
  const endedSignal = new Promise<void>((resolve) => ended.signal.addEventListener('abort', () => resolve()));
  const subscription: LiveSubscription = {
    drop: (code, details) => {
      if (ended.signal.aborted) return;
      ended.abort();
      failCall(call, code, details);
    },
  };
  call.on('cancelled', () => ended.abort());
  liveSubscriptions.add(subscription);
  try {
    await send(
      call,
      new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())),
    );
    let considered = 0;
    let caughtUp = false;
    while (!ended.signal.aborted) {
      if (cursor < log.length) {
        const event = log.at(cursor++);
        considered++;
        await sendConsidered(call, event, filter, considered);
        continue;
      }
      if (!caughtUp) {
        caughtUp = true;
        await send(call, new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
      }
      await Promise.race([log.nextAppend(), endedSignal]);
    }
  } finally {
    liveSubscriptions.delete(subscription);
  }
}

/** Sends the event if the filter lets it through, and a checkpoint after every `checkpointInterval` events. */
async function sendConsidered(
  call: ReadCall,
  event: StoredEvent,
  filter: ReadFilter | null,
  considered: number,
) {
  if (!filter || filter.matches(event)) await send(call, eventResponse(event, { inAll: true }));
  if (filter && considered % filter.checkpointInterval === 0) {
    const position = event.position.toString();
    await send(
      call,
      new ReadResp().setCheckpoint(
        new ReadResp.Checkpoint().setCommitPosition(position).setPreparePosition(position),
      ),
    );
  }
}

function eventResponse(event: StoredEvent, { inAll }: { inAll: boolean }): ReadResp {
  const position = event.position.toString();
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(event.id))
    .setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(event.streamName, 'utf8')))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(position)
    .setPreparePosition(position)
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', event.createdTicks.toString());
  const readEvent = new ReadResp.ReadEvent().setEvent(recorded);
  // Only events read through $all carry a $all position on the envelope; stream reads say `no_position`.
  if (inAll) readEvent.setCommitPosition(position);
  else readEvent.setNoPosition(new Empty());
  return new ReadResp().setEvent(readEvent);
}

function readCount(options: ReadReq.Options): number {
  return options.hasCount() ? Number(BigInt(options.getCount())) : Number.POSITIVE_INFINITY;
}

function revisionIndex(streamOptions: ReadReq.Options.StreamOptions): number {
  return Number(BigInt(streamOptions.getRevision()));
}

function pointerFrom(position: ReadReq.Options.Position | undefined): LogPointer {
  return {
    commit: BigInt(position?.getCommitPosition() ?? 0),
    prepare: BigInt(position?.getPreparePosition() ?? 0),
  };
}

/** Writes one response, waiting for the transport to drain so a slow client holds the server back. */
function send(call: ReadCall, response: ReadResp): Promise<void> {
  if (call.cancelled || call.writableEnded) return Promise.resolve();
  if (call.write(response)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      call.off('drain', done);
      call.off('close', done);
      resolve();
    };
    call.once('drain', done);
    call.once('close', done);
  });
}

function failCall(call: ReadCall, code: status, details: string): void {
  if (call.cancelled || call.writableEnded) return;
  call.emit('error', { code, details, name: 'ReadError', message: details });
}
