import { ruleViolation } from '@ticketing/platform/domain';

export const TicketTypeStatus = {
  ACTIVE: 'ACTIVE',
  /** Paused by the organizer, who may reactivate it. */
  INACTIVE: 'INACTIVE',
  /** Shown, never recorded here: the inventory says so when nothing is left, and stops saying so when it grows. */
  SOLD_OUT: 'SOLD_OUT',
  CLOSED: 'CLOSED',
  DELETED: 'DELETED',
} as const;
export type TicketTypeStatus = (typeof TicketTypeStatus)[keyof typeof TicketTypeStatus];

/** The statuses the event's stream records; SOLD_OUT belongs to the inventory. */
export type ConfiguredStatus = Exclude<TicketTypeStatus, typeof TicketTypeStatus.SOLD_OUT>;

/** What an organizer may set by hand. */
export type SettableStatus = Exclude<ConfiguredStatus, typeof TicketTypeStatus.DELETED>;

/**
 * ACTIVE ⇄ INACTIVE, either → CLOSED; CLOSED is final. SOLD_OUT and DELETED are never set by hand. A deleted type is
 * gone, so no change reaches it here.
 */
export function assertStatusChange(
  name: string,
  from: ConfiguredStatus,
  to: TicketTypeStatus,
): asserts to is SettableStatus {
  if (to === TicketTypeStatus.SOLD_OUT) {
    throw ruleViolation(
      'STATUS_NOT_SETTABLE',
      'SOLD_OUT is set by the system when nothing is left, and cleared when the capacity grows; pause with INACTIVE',
    );
  }
  if (to === TicketTypeStatus.DELETED) {
    throw ruleViolation(
      'STATUS_NOT_SETTABLE',
      'Delete a ticket type with deleteTicketType, not by its status',
    );
  }
  assertNotClosed(name, from);
}

export function assertNotClosed(name: string, status: ConfiguredStatus): void {
  if (status === TicketTypeStatus.CLOSED) throw closed(name);
}

/** What buyers and organizers see: an ACTIVE type with nothing left is SOLD_OUT. */
export function displayedStatus(configured: ConfiguredStatus, soldOut: boolean): TicketTypeStatus {
  return configured === TicketTypeStatus.ACTIVE && soldOut ? TicketTypeStatus.SOLD_OUT : configured;
}

function closed(name: string) {
  return ruleViolation(
    'TICKET_TYPE_CLOSED',
    `"${name}" is closed for good; create another ticket type to sell again`,
  );
}
