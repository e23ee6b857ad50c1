import { AppError } from '@ticketing/platform/domain';
import {
  compIssues,
  doorIssues,
  MAX_COMPS_PER_CALL,
  MAX_DOOR_TICKETS_PER_CALL,
  type StaffTicketType,
} from './staff-tickets';
import { TicketKind } from './ticket-kind';
import { TicketStatus } from './ticket-status';
import { ticketDecider } from './ticket.decider';

const now = new Date('2026-06-01T10:00:00.000Z');
const vip: StaffTicketType = { eventId: 'e1', ticketTypeId: 'vip', soldAtDoor: true, transferable: false };
const onlineOnly: StaffTicketType = { ...vip, ticketTypeId: 'stream', soldAtDoor: false };
const speaker = { email: 'Ada@Example.com', name: 'Ada Lovelace' };

const reasonOf = (act: () => unknown) => {
  try {
    act();
  } catch (error) {
    return (error as AppError).reason;
  }
  return undefined;
};

/** What the ticket decider makes of each issue: the tickets staff get. */
const issued = (issues: ReturnType<typeof compIssues>) =>
  issues.map((issue, index) => {
    const [event] = ticketDecider.decide(
      { type: 'IssueTicket', ticketId: `t${index}`, ...issue },
      ticketDecider.initialState,
      now,
    );
    return ticketDecider.evolve(null, event);
  });

describe('issuing comp tickets', () => {
  it('issues one unpaid COMP ticket per holder, with the note saying why, on the ticket type as it is', () => {
    const tickets = issued(compIssues(vip, [speaker, { email: 'b@example.com', name: 'Bo' }], 'Keynote'));
    expect(tickets).toEqual([
      expect.objectContaining({
        kind: TicketKind.COMP,
        status: TicketStatus.ACTIVE,
        bookingId: null,
        holder: { userId: null, email: 'ada@example.com', name: 'Ada Lovelace' },
        transferable: false,
      }),
      expect.objectContaining({ holder: { userId: null, email: 'b@example.com', name: 'Bo' } }),
    ]);
    expect(compIssues(vip, [speaker], 'Keynote')[0]).toMatchObject({ price: null, note: 'Keynote' });
  });

  it('COMP_NOTE_REQUIRED: a comp says why it was given', () => {
    expect(reasonOf(() => compIssues(vip, [speaker], '  '))).toBe('COMP_NOTE_REQUIRED');
  });

  it(`INVALID_QUANTITY: at least one holder and at most ${MAX_COMPS_PER_CALL} per call`, () => {
    expect(reasonOf(() => compIssues(vip, [], 'Keynote'))).toBe('INVALID_QUANTITY');
    const crowd = Array.from({ length: MAX_COMPS_PER_CALL + 1 }, () => speaker);
    expect(reasonOf(() => compIssues(vip, crowd, 'Keynote'))).toBe('INVALID_QUANTITY');
  });

  it('a comp may go to a ticket type sold online only', () => {
    expect(compIssues(onlineOnly, [speaker], 'Press')).toHaveLength(1);
  });
});

describe('pre-generating door tickets', () => {
  it('issues the quantity asked as UNACTIVATED DOOR tickets, with neither holder nor price', () => {
    const tickets = issued(doorIssues(vip, 3));
    expect(tickets).toHaveLength(3);
    for (const ticket of tickets) {
      expect(ticket).toMatchObject({ kind: TicketKind.DOOR, status: TicketStatus.UNACTIVATED, holder: null });
    }
  });

  it('TICKET_TYPE_NOT_SOLD_AT_DOOR: a ticket type sold online only has no door tickets', () => {
    expect(reasonOf(() => doorIssues(onlineOnly, 5))).toBe('TICKET_TYPE_NOT_SOLD_AT_DOOR');
  });

  it.each([0, -1, 2.5, MAX_DOOR_TICKETS_PER_CALL + 1])(
    `INVALID_QUANTITY: 1 to ${MAX_DOOR_TICKETS_PER_CALL} door tickets per call, not %p`,
    (quantity) => {
      expect(reasonOf(() => doorIssues(vip, quantity))).toBe('INVALID_QUANTITY');
    },
  );

  it(`${MAX_DOOR_TICKETS_PER_CALL} door tickets at once are allowed`, () => {
    expect(doorIssues(vip, MAX_DOOR_TICKETS_PER_CALL)).toHaveLength(MAX_DOOR_TICKETS_PER_CALL);
  });
});
