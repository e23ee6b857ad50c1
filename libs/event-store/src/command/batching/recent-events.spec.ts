import { deterministicEventId } from '@ticketing/platform';
import { RecentEvents } from './recent-events';

const stream = 'ticketType-1';
const at = (prepare: number) => ({ commit: 1n, prepare: BigInt(prepare) });
const seat = (seatNumber: number) => ({ type: 'SeatReserved', data: { seat: seatNumber } });

describe('RecentEvents', () => {
  it('finds every event a command appended, in order, by the ids the command gives them', () => {
    const recent = new RecentEvents<ReturnType<typeof seat>>(10);
    recent.remember(deterministicEventId('command-a', stream, 0), seat(1), at(1));
    recent.remember(deterministicEventId('command-b', stream, 0), seat(2), at(2));
    recent.remember(deterministicEventId('command-a', stream, 1), seat(3), at(3));

    expect(recent.appendedBy('command-a', stream)).toEqual({ events: [seat(1), seat(3)], position: at(3) });
    expect(recent.appendedBy('command-b', stream)).toEqual({ events: [seat(2)], position: at(2) });
  });

  it('does not recognise a command that appended nothing it remembers, nor the same command on another stream', () => {
    const recent = new RecentEvents<ReturnType<typeof seat>>(10);
    recent.remember(deterministicEventId('command-a', stream, 0), seat(1), at(1));

    expect(recent.appendedBy('command-b', stream)).toBeNull();
    expect(recent.appendedBy('command-a', 'ticketType-2')).toBeNull();
  });

  it('forgets the oldest events once it holds more than its capacity', () => {
    const recent = new RecentEvents<ReturnType<typeof seat>>(2);
    for (const [index, command] of ['command-a', 'command-b', 'command-c'].entries()) {
      recent.remember(deterministicEventId(command, stream, 0), seat(index + 1), at(index + 1));
    }

    expect(recent.appendedBy('command-a', stream)).toBeNull();
    expect(recent.appendedBy('command-b', stream)).not.toBeNull();
    expect(recent.appendedBy('command-c', stream)).not.toBeNull();
  });
});
