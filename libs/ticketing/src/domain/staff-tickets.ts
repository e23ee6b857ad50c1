import { ruleViolation } from '@ticketing/platform/domain';
import type { TicketHolderInput } from './ticket-holder';
import { TicketKind } from './ticket-kind';
import type { IssueTicket } from './ticket.commands';

/** One ticket staff issue themselves: what `IssueTicket` needs but its id. */
export type StaffIssue = Omit<IssueTicket, 'type' | 'ticketId'>;

/** Comps go to named people, so a call lists them one by one; more than this is a guest list to split up. */
export const MAX_COMPS_PER_CALL = 100;

/** Enough for a night's door sales in one go, few enough to issue and answer within one request. */
export const MAX_DOOR_TICKETS_PER_CALL = 1000;

/** The ticket type staff issue tickets of, as its event now has it. */
export interface StaffTicketType {
  eventId: string;
  ticketTypeId: string;
  soldAtDoor: boolean;
  transferable: boolean;
}

/**
 * Complimentary tickets, one per holder: nothing is paid, and `note` says why they were given (speakers, press...),
 * since a comp is capacity given away and someone will ask about it.
 */
export function compIssues(
  ticketType: StaffTicketType,
  holders: TicketHolderInput[],
  note: string,
): StaffIssue[] {
  assertQuantity(holders.length, MAX_COMPS_PER_CALL, 'holder');
  if (!note.trim()) throw ruleViolation('COMP_NOTE_REQUIRED', 'Say why the comp tickets are given');
  return holders.map((holder) => ({
    ...issuedOf(ticketType),
    kind: TicketKind.COMP,
    holder: { email: holder.email, name: holder.name },
    note,
  }));
}

/**
 * Door tickets held back for sale at the door: no holder nor price until each is sold. Only a ticket type sold at
 * the door has any, or capacity would be held for a sale that can never happen.
 */
export function doorIssues(ticketType: StaffTicketType, quantity: number): StaffIssue[] {
  if (!ticketType.soldAtDoor) {
    throw ruleViolation(
      'TICKET_TYPE_NOT_SOLD_AT_DOOR',
      `Ticket type ${ticketType.ticketTypeId} is sold ONLINE_ONLY: it has no door tickets`,
    );
  }
  assertQuantity(quantity, MAX_DOOR_TICKETS_PER_CALL, 'door ticket');
  return Array.from({ length: quantity }, () => ({
    ...issuedOf(ticketType),
    kind: TicketKind.DOOR,
    holder: null,
  }));
}

function issuedOf({ eventId, ticketTypeId, transferable }: StaffTicketType) {
  return { bookingId: null, eventId, ticketTypeId, price: null, transferable };
}

function assertQuantity(quantity: number, maximum: number, what: string): void {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > maximum) {
    throw ruleViolation(
      'INVALID_QUANTITY',
      `Issue 1 to ${maximum} tickets at a time, one per ${what}; ${quantity} were asked for`,
      { maximum },
    );
  }
}
