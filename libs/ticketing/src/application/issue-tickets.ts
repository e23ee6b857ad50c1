import { type EventStore, latestPosition, type LogPosition } from '@ticketing/event-store';
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
  const commands = issueCommands(issues, context.commandId);
  for (const command of commands) ticketDecider.decide(command, ticketDecider.initialState, context.now);
  const outcomes = await Promise.all(commands.map((command) => runTicketCommand(store, command, context)));
  return {
    ticketIds: commands.map((command) => command.ticketId),
    position: latestPosition(outcomes.map((outcome) => outcome.position)),
  };
}

/**
 * Refuses what `issueTickets` would refuse (a bad holder, a price on a comp...) without writing anything, for callers
 * that take something for the tickets first, such as the units they count against.
 */
export function assertIssuable(issues: TicketIssue[], now: Date): void {
  for (const command of issueCommands(issues, 'not-yet-issued')) {
    ticketDecider.decide(command, ticketDecider.initialState, now);
  }
}

function issueCommands(issues: TicketIssue[], commandId: string): IssueTicket[] {
  return issues.map((issue, index) => ({
    type: 'IssueTicket',
    ticketId: ticketIdFor(commandId, index),
    ...issue,
  }));
}
