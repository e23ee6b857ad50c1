import type { Money, Payment } from './money';
import type { TicketHolderInput } from './ticket-holder';
import type { TicketKind } from './ticket-kind';

/**
 * `ticketId` is derived from the issuing command's id, so finding it recorded already means that very command is
 * being retried. A door ticket is issued without holder or price: both come with its sale.
 */
export type IssueTicket = {
  type: 'IssueTicket';
  ticketId: string;
  bookingId: string | null;
  eventId: string;
  ticketTypeId: string;
  kind: TicketKind;
  holder: TicketHolderInput | null;
  price: Money | null;
  transferable: boolean;
  note?: string;
};

/** A door ticket sold on the spot. */
export type ActivateTicket = {
  type: 'ActivateTicket';
  ticketId: string;
  holder: TicketHolderInput;
  payment: Payment;
};
export type TransferTicket = { type: 'TransferTicket'; ticketId: string; to: TicketHolderInput };
/** Its booking was cancelled, or staff withdrew an unsold door ticket. */
export type VoidTicket = { type: 'VoidTicket'; ticketId: string; reason: string };
export type RefundTicket = { type: 'RefundTicket'; ticketId: string; refundRef: string };
/** A scanner admitted the holder with the QR code of `qrVersion`. */
export type CheckInTicket = { type: 'CheckInTicket'; ticketId: string; qrVersion: number };

export type TicketCommand =
  | IssueTicket
  | ActivateTicket
  | TransferTicket
  | VoidTicket
  | RefundTicket
  | CheckInTicket;
