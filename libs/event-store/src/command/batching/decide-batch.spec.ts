import { deterministicEventId } from '@ticketing/platform';
import type { AppError } from '@ticketing/platform/domain';
import { decideBatch, type CommandVerdict } from './decide-batch';
import { RecentEvents } from './recent-events';
import { aCommandContext } from './testing/a-command-context';
import {
  reserveSeats,
  seatCounterDecider,
  type ReserveSeats,
  type SeatCount,
  type SeatReserved,
} from './testing/seat-counter.decider';

const stream = 'ticketType-1';

function freshStream(reserved = 0) {
  return { state: { reserved }, recent: new RecentEvents<SeatReserved>(100) };
}

function queued(command: ReserveSeats, context = aCommandContext()) {
  return { command, context };
}

function summary(verdict: CommandVerdict<SeatReserved, SeatCount>) {
  if (verdict.kind === 'refused') return (verdict.error as AppError).reason ?? String(verdict.error);
  if (verdict.kind === 'accepted') return verdict.events.map((event) => event.data.seat);
  return 'already appended';
}

describe('decideBatch', () => {
  it('decides each command against the state the accepted commands before it left', () => {
    const decision = decideBatch(seatCounterDecider(3), stream, freshStream(), [
      queued(reserveSeats('a', 2)),
      queued(reserveSeats('b')),
      queued(reserveSeats('c')),
    ]);

    expect(decision.verdicts.map(summary)).toEqual([[1, 2], [3], 'SOLD_OUT']);
    expect(decision.verdicts.map((verdict) => verdict.kind === 'accepted' && verdict.state)).toEqual([
      { reserved: 2 },
      { reserved: 3 },
      false,
    ]);
    expect(decision.state).toEqual({ reserved: 3 });
    expect(decision.toAppend).toHaveLength(3);
  });

  it('does not let a command refused by the rules stop the commands after it', () => {
    const decision = decideBatch(seatCounterDecider(3), stream, freshStream(), [
      queued(reserveSeats('a')),
      queued(reserveSeats('b', 5)),
      queued(reserveSeats('c', 2)),
    ]);

    expect(decision.verdicts.map(summary)).toEqual([[1], 'SOLD_OUT', [2, 3]]);
    expect(decision.toAppend.map((event) => event.data)).toEqual([
      { buyerId: 'a', seat: 1 },
      { buyerId: 'c', seat: 2 },
      { buyerId: 'c', seat: 3 },
    ]);
  });

  it('refuses only the command on which the decider itself fails', () => {
    const seats = seatCounterDecider(3);
    const failing = {
      ...seats,
      decide: (command: ReserveSeats, state: SeatCount, now: Date) => {
        if (command.buyerId === 'b') throw new TypeError('cannot read the buyer');
        return seats.decide(command, state, now);
      },
    };

    const decision = decideBatch(failing, stream, freshStream(), [
      queued(reserveSeats('a')),
      queued(reserveSeats('b')),
      queued(reserveSeats('c')),
    ]);

    expect(decision.verdicts.map(summary)).toEqual([[1], 'TypeError: cannot read the buyer', [2]]);
  });

  it("gives each event its command's deterministic id for its place in that command, and that command's metadata", () => {
    const first = aCommandContext({ actor: 'buyer-a', causationId: 'cause-a' });
    const second = aCommandContext({ actor: 'buyer-b', now: new Date('2026-05-01T18:00:05.000Z') });

    const decision = decideBatch(seatCounterDecider(3), stream, freshStream(), [
      { ...queued(reserveSeats('a', 2), first), schemaVersions: { SeatReserved: 2 } },
      queued(reserveSeats('b'), second),
    ]);

    expect(decision.toAppend.map(({ id, metadata }) => ({ id, metadata }))).toEqual([
      {
        id: deterministicEventId(first.commandId, stream, 0),
        metadata: {
          actor: 'buyer-a',
          correlationId: first.correlationId,
          causationId: 'cause-a',
          occurredAt: '2026-05-01T18:00:00.000Z',
          schemaVersion: 2,
        },
      },
      {
        id: deterministicEventId(first.commandId, stream, 1),
        metadata: expect.objectContaining({ actor: 'buyer-a', schemaVersion: 2 }),
      },
      {
        id: deterministicEventId(second.commandId, stream, 0),
        metadata: {
          actor: 'buyer-b',
          correlationId: second.correlationId,
          causationId: null,
          occurredAt: '2026-05-01T18:00:05.000Z',
          schemaVersion: 1,
        },
      },
    ]);
  });

  it('answers a command whose events the stream already holds from those events, without deciding it again', () => {
    const retried = aCommandContext();
    const known = freshStream(1);
    const original: SeatReserved = { type: 'SeatReserved', data: { buyerId: 'a', seat: 1 } };
    known.recent.remember(deterministicEventId(retried.commandId, stream, 0), original, {
      commit: 7n,
      prepare: 3n,
    });

    const decision = decideBatch(seatCounterDecider(2), stream, known, [
      queued(reserveSeats('a'), retried),
      queued(reserveSeats('b')),
    ]);

    expect(decision.verdicts[0]).toEqual({
      kind: 'already-appended',
      events: [original],
      position: { commit: 7n, prepare: 3n },
    });
    expect(decision.toAppend.map((event) => event.data)).toEqual([{ buyerId: 'b', seat: 2 }]);
    expect(decision.state).toEqual({ reserved: 2 });
  });
});
