import { TicketKind } from './ticket-kind';

/**
 * Where a ticket stands. A transfer is not a status: the ticket stays ACTIVE for its new holder, and only the old
 * holder's QR code (its earlier `qrVersion`) stops admitting anyone.
 */
export const TicketStatus = {
  /** A door ticket holding capacity until it is sold: no holder, no QR code. */
  UNACTIVATED: 'UNACTIVATED',
  /** Admits its holder with the QR code of its current version. */
  ACTIVE: 'ACTIVE',
  /** Cancelled (with its booking, or withdrawn unsold): the record stays, nothing admits. */
  VOIDED: 'VOIDED',
  /** Its payment was returned: nothing admits. */
  REFUNDED: 'REFUNDED',
} as const;
export type TicketStatus = (typeof TicketStatus)[keyof typeof TicketStatus];

/** Only an active ticket gets a signed QR code: there is no point handing out one that no scanner may accept. */
export function hasLiveQr(status: TicketStatus): boolean {
  return status === TicketStatus.ACTIVE;
}

/** A door ticket waits to be sold; every other ticket admits its holder from the moment it is issued. */
export function statusOnIssue(kind: TicketKind): TicketStatus {
  return kind === TicketKind.DOOR ? TicketStatus.UNACTIVATED : TicketStatus.ACTIVE;
}
