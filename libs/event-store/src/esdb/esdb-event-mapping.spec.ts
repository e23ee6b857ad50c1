import type { RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { ANY, NO_STREAM, type EventMetadata } from '../event-store.port';
import {
  isSystemEvent,
  toEsdbEvent,
  toEsdbExpectedRevision,
  toLogPosition,
  toRecordedEvent,
} from './esdb-event-mapping';

const metadata: EventMetadata = {
  actor: 'user-7',
  correlationId: 'c0ffee00-0000-4000-8000-000000000001',
  causationId: null,
  occurredAt: '2025-03-01T19:02:00.000Z',
  schemaVersion: 2,
};

function esdbEvent(overrides: Partial<EsdbRecordedEvent>): EsdbRecordedEvent {
  return {
    streamId: 'booking-1',
    id: '5b1d6a52-8f5e-4b8e-9d57-3f9c2a1e0b11',
    revision: 3n,
    type: 'BookingPlaced',
    data: { seats: 2 },
    metadata,
    isJson: true,
    created: new Date('2025-03-01T19:02:01.000Z'),
    position: { commit: 4_096n, prepare: 4_096n },
    ...overrides,
  } as EsdbRecordedEvent;
}

describe('esdb event mapping', () => {
  it.each([
    ['$$booking-1', '$metadata', true],
    ['$stats-127.0.0.1:2113', '$statsCollected', true],
    ['$settings', 'update-default-acl', true],
    ['booking-1', '$>', true],
    ['booking-1', 'BookingPlaced', false],
  ])('counts %s / %s as a system event: %s', (streamName, type, expected) => {
    expect(isSystemEvent(streamName, type)).toBe(expected);
  });

  it.each([
    [NO_STREAM, 'no_stream'],
    [ANY, 'any'],
    [7n, 7n],
  ] as const)('maps expected revision %s to the client revision %s', (expected, esdb) => {
    expect(toEsdbExpectedRevision(expected)).toBe(esdb);
  });

  it('writes our id, type, data and metadata into the ESDB JSON event', () => {
    const event = {
      id: '5b1d6a52-8f5e-4b8e-9d57-3f9c2a1e0b11',
      type: 'BookingPlaced',
      data: { seats: 2 },
      metadata,
    };

    expect(toEsdbEvent(event)).toEqual({ ...event, contentType: 'application/json' });
  });

  it('reads the "no position" the server sends as 2^64 - 1 as an unknown position', () => {
    const unknown = 18_446_744_073_709_551_615n;

    expect(toLogPosition({ commit: unknown, prepare: unknown })).toBeNull();
    expect(toLogPosition(undefined)).toBeNull();
    expect(toLogPosition({ commit: 10n, prepare: 8n })).toEqual({ commit: 10n, prepare: 8n });
  });

  it('maps a recorded event with its stream, revision, position and our metadata', () => {
    expect(toRecordedEvent(esdbEvent({}))).toEqual({
      id: '5b1d6a52-8f5e-4b8e-9d57-3f9c2a1e0b11',
      type: 'BookingPlaced',
      data: { seats: 2 },
      metadata,
      streamName: 'booking-1',
      revision: 3n,
      position: { commit: 4_096n, prepare: 4_096n },
    });
  });

  it('fills the metadata of an event written by another tool from the server record', () => {
    const recorded = toRecordedEvent(esdbEvent({ metadata: undefined }));

    expect(recorded.metadata).toEqual({
      actor: null,
      correlationId: '5b1d6a52-8f5e-4b8e-9d57-3f9c2a1e0b11',
      causationId: null,
      occurredAt: '2025-03-01T19:02:01.000Z',
      schemaVersion: 1,
    });
  });

  it('refuses an event without a position rather than inventing one', () => {
    const unknown = 18_446_744_073_709_551_615n;

    expect(() => toRecordedEvent(esdbEvent({ position: { commit: unknown, prepare: unknown } }))).toThrow(
      /no position for booking-1@3/,
    );
  });
});
