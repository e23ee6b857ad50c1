import {
  type sendUnaryData,
  type ServerErrorResponse,
  type ServerReadableStream,
  Metadata,
  status,
} from '@grpc/grpc-js';
import { validate as isUuid } from 'uuid';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, AppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { AppendOutcome, ExpectedStreamState, InMemoryLog, ProposedEvent } from './in-memory-log';

/**
 * Streams.Append: a client stream of one options message then the proposed events. The answer is either `success`
 * or `wrong_expected_version`; a retry of an append that already happened succeeds without a position.
 */
export function createAppendHandler(log: InMemoryLog) {
  return (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void => {
    let options: AppendReq.Options | undefined;
    const proposed: ProposedEvent[] = [];
    let invalid: ServerErrorResponse | null = null;

    call.on('data', (request: AppendReq) => {
      if (invalid) return;
      if (request.hasOptions()) options = request.getOptions();
      else if (!options) invalid = invalidArgument('The first append message must carry the options');
      else {
        const parsed = proposedEvent(request.getProposedMessage());
        if (parsed instanceof Error) invalid = parsed;
        else proposed.push(parsed);
      }
    });
    call.on('end', () => {
      if (invalid) return callback(invalid);
      if (!options) return callback(invalidArgument('Append without options'));
      const streamName = Buffer.from(options.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString(
        'utf8',
      );
      const expected = expectedState(options);
      callback(null, appendResponse(log.append(streamName, proposed, expected, new Date()), expected));
    });
  };
}

function proposedEvent(message: AppendReq.ProposedMessage | undefined): ProposedEvent | ServerErrorResponse {
  if (!message) return invalidArgument('Append message without a proposed event');
  const id = message.getId()?.getString() ?? '';
  const type = message.getMetadataMap().get('type');
  const contentType = message.getMetadataMap().get('content-type');
  if (!isUuid(id)) return invalidArgument(`Event id "${id}" is not a UUID`);
  if (!type || !contentType) return missingMetadata(type ? 'content-type' : 'type');
  return {
    id: id.toLowerCase(),
    type,
    contentType,
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

function expectedState(options: AppendReq.Options): ExpectedStreamState {
  if (options.hasRevision()) return { kind: 'revision', revision: BigInt(options.getRevision()) };
  if (options.hasNoStream()) return { kind: 'no_stream' };
  if (options.hasStreamExists()) return { kind: 'stream_exists' };
  return { kind: 'any' };
}

function appendResponse(outcome: AppendOutcome, expected: ExpectedStreamState): AppendResp {
  const response = new AppendResp();
  switch (outcome.kind) {
    case 'written': {
      const position = outcome.lastPosition.toString();
      return response.setSuccess(
        new AppendResp.Success()
          .setCurrentRevision(outcome.lastRevision.toString())
          .setPosition(new AppendResp.Position().setCommitPosition(position).setPreparePosition(position)),
      );
    }
    case 'idempotent':
      return response.setSuccess(
        new AppendResp.Success()
          .setCurrentRevision(outcome.lastRevision.toString())
          .setNoPosition(new Empty()),
      );
    case 'nothing_written': {
      const success = new AppendResp.Success().setNoPosition(new Empty());
      if (outcome.currentRevision === null) success.setNoStream(new Empty());
      else success.setCurrentRevision(outcome.currentRevision.toString());
      return response.setSuccess(success);
    }
    case 'wrong_expected_version': {
      const conflict = new AppendResp.WrongExpectedVersion();
      if (outcome.currentRevision === null) conflict.setCurrentNoStream(new Empty());
      else conflict.setCurrentRevision(outcome.currentRevision.toString());
      if (expected.kind === 'revision') conflict.setExpectedRevision(expected.revision.toString());
      else if (expected.kind === 'no_stream') conflict.setExpectedNoStream(new Empty());
      else if (expected.kind === 'stream_exists') conflict.setExpectedStreamExists(new Empty());
      else conflict.setExpectedAny(new Empty());
      return response.setWrongExpectedVersion(conflict);
    }
  }
}

function invalidArgument(details: string, metadata = new Metadata()): ServerErrorResponse {
  return Object.assign(new Error(details), { code: status.INVALID_ARGUMENT, details, metadata });
}

function missingMetadata(property: string): ServerErrorResponse {
  const metadata = new Metadata();
  // The client recognises server errors by this trailer rather than by the status code.
  metadata.set('exception', 'missing-required-metadata-property');
  metadata.set('required-metadata-properties', property);
  return invalidArgument(`Missing required metadata property: ${property}`, metadata);
}
