import { comparePositions, type EventStore, type LogPosition } from '@ticketing/event-store';
import type { CommandContext } from '@ticketing/platform';
import type { IssueTicket } from '../domain/ticket.commands';
import { ticketDecider } from '../domain/ticket.decider';
import { runTicketCommand } from './run-ticket-command';
import { ticketIdFor } from './ticket-ids';

/** One ticket to issue: what `IssueTicket` needs but its id, which the command's id decides. */
export type TicketIssue = Omit<IssueTicket, 'type' | 'ticketId'>;

export interface IssuedTickets {
  /** In the order of the issues given. */
  ticketIds: string[];
  /** Where the last of them landed; null when every one had been issued already. */
  position: LogPosition | null;
}

/**
 * Issues one ticket per entry, each on its own stream, with ids derived from `context.commandId`: bookings, comps
 * and door sales call it with their own command's context, and a retry issues only what the first attempt had not.
 * Every entry is checked before any is written, so one bad holder fails the whole call without leaving the others
 * issued.
 *
 * @example
 * const { ticketIds } = await issueTickets(
 *   store,
 *   units.map(() => ({ bookingId, eventId, ticketTypeId, kind: TicketKind.PURCHASED, holder, price, transferable: true })),
 *   context,
 * );
 */
export async function issueTickets(
  store: EventStore,
  issues: TicketIssue[],
  context: CommandContext,
): Promise<IssuedTickets> {
  const commands = issues.map(
    (issue, index): IssueTicket => ({
      type: 'IssueTicket',
      ticketId: ticketIdFor(context.commandId, index),
      ...issue,
    }),
  );
  for (const command of commands) ticketDecider.decide(command, ticketDecider.initialState, context.now);
  const outcomes = await Promise.all(commands.map((command) => runTicketCommand(store, command, context)));
  const positions = outcomes.flatMap((outcome) => (outcome.position ? [outcome.position] : []));
  return {
    ticketIds: commands.map((command) => command.ticketId),
    position: positions.sort(comparePositions).at(-1) ?? null,
  };
}
