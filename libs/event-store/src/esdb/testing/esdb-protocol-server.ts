import { randomUUID } from 'node:crypto';
import { type sendUnaryData, type ServerUnaryCall, Server, ServerCredentials, status } from '@grpc/grpc-js';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { InMemoryLog } from './in-memory-log';
import { createAppendHandler } from './streams-append.handler';
import { createReadHandler, type LiveSubscription } from './streams-read.handler';

const STREAMS_SERVICE = 'event_store.client.streams.streams';
const SERVER_FEATURES_SERVICE = 'event_store.client.server_features.serverfeatures';

/**
 * An in-process server that speaks EventStoreDB's gRPC protocol, for tests: Streams.Append, Streams.Read (streams,
 * `$all`, `$all` subscriptions with server-side filters) and ServerFeatures, over an in-memory log that starts with a
 * few system events, as a real node's log does. The log survives `stop()`, so a restart on the same port looks to
 * clients like a node coming back.
 *
 * @example
 * const server = new EsdbProtocolServer();
 * const store = EsdbEventStore.connect(await server.start());
 * await server.stop();
 */
export class EsdbProtocolServer {
  private readonly log = new InMemoryLog();
  private readonly liveSubscriptions = new Set<LiveSubscription>();
  private server: Server | null = null;
  private port = 0;

  constructor() {
    this.appendSystemEvent('$$$stats-127.0.0.1:2113', '$metadata', { $maxAge: 86_400 });
    this.appendSystemEvent('$stats-127.0.0.1:2113', '$statsCollected', { 'proc-id': 1 });
    // An ordinary event type in a system stream: only a check of the stream name keeps it out of `$all` reads.
    this.appendSystemEvent('$settings', 'update-default-acl', { $userStreamAcl: { $r: '$all' } });
  }

  /** Listens on 127.0.0.1 (on the port of the previous start, if any) and returns the connection string. */
  async start(): Promise<string> {
    if (this.server) return this.connectionString;
    const server = new Server();
    server.addService(StreamsService, {
      read: createReadHandler(this.log, this.liveSubscriptions),
      append: createAppendHandler(this.log),
    });
    server.addService(ServerFeaturesService, { getSupportedMethods: supportedMethods });
    this.port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${this.port}`, ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
    this.server = server;
    return this.connectionString;
  }

  /** Stops at once, cutting open calls as a crashing node would. The log is kept for the next `start()`. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    this.dropSubscriptions();
    server.forceShutdown();
  }

  /** Ends every live `$all` subscription with UNAVAILABLE, as a node does when it loses leadership. */
  dropSubscriptions(): void {
    this.endSubscriptions(status.UNAVAILABLE, 'Subscription dropped by the server');
  }

  /**
   * Ends every live `$all` subscription with UNAUTHENTICATED, as a node does once the credentials it was given are
   * no longer valid: an error that retrying does not mend.
   */
  refuseSubscriptions(): void {
    this.endSubscriptions(status.UNAUTHENTICATED, 'Authentication required');
  }

  private endSubscriptions(code: status, details: string): void {
    for (const subscription of [...this.liveSubscriptions]) subscription.drop(code, details);
  }

  private appendSystemEvent(streamName: string, type: string, data: unknown): void {
    const event = {
      id: randomUUID(),
      type,
      contentType: 'application/json',
      data: Buffer.from(JSON.stringify(data), 'utf8'),
      customMetadata: new Uint8Array(),
    };
    this.log.append(streamName, [event], { kind: 'any' }, new Date());
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }
}

/** Lists plain Append and not BatchAppend, so the client sends each append as its own call. */
function supportedMethods(
  _call: ServerUnaryCall<Empty, SupportedMethods>,
  callback: sendUnaryData<SupportedMethods>,
) {
  const method = (serviceName: string, methodName: string, features: string[] = []) =>
    new SupportedMethod().setServiceName(serviceName).setMethodName(methodName).setFeaturesList(features);
  callback(
    null,
    new SupportedMethods()
      .setEventStoreServerVersion('24.10.0')
      .setMethodsList([
        method(STREAMS_SERVICE, 'read', ['position', 'events']),
        method(STREAMS_SERVICE, 'append'),
        method(SERVER_FEATURES_SERVICE, 'getsupportedmethods'),
      ]),
  );
}
