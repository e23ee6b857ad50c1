import type { DomainEvent } from '@ticketing/platform/domain';
import type { Money, Payment } from './money';
import type { TicketHolder } from './ticket-holder';
import type { TicketKind } from './ticket-kind';

/** Every fact names the ticket's event, so per-event read models (revocations, door lists) need no lookup. */
type OnTicket<Fields> = { ticketId: string; eventId: string } & Fields;

/** `holder` is null for a door ticket until it is sold; `price` is null when nothing was paid for it yet. */
export type TicketIssued = DomainEvent<
  'TicketIssued',
  OnTicket<{
    bookingId: string | null;
    ticketTypeId: string;
    kind: TicketKind;
    holder: TicketHolder | null;
    price: Money | null;
    transferable: boolean;
    note: string | null;
    qrVersion: number;
    issuedAt: string;
  }>
>;

export type TicketActivated = DomainEvent<
  'TicketActivated',
  OnTicket<{ holder: TicketHolder; payment: Payment; activatedAt: string }>
>;

/** `qrVersion` is the new holder's; every QR code up to `revokedQrVersion` stops admitting. */
export type TicketTransferred = DomainEvent<
  'TicketTransferred',
  OnTicket<{
    from: TicketHolder;
    to: TicketHolder;
    revokedQrVersion: number;
    qrVersion: number;
    transferredAt: string;
  }>
>;

export type TicketVoided = DomainEvent<
  'TicketVoided',
  OnTicket<{ bookingId: string | null; reason: string; qrVersion: number; voidedAt: string }>
>;

export type TicketRefunded = DomainEvent<
  'TicketRefunded',
  OnTicket<{ bookingId: string | null; refundRef: string; qrVersion: number; refundedAt: string }>
>;

export type TicketCheckedIn = DomainEvent<
  'TicketCheckedIn',
  OnTicket<{ qrVersion: number; checkedInAt: string }>
>;

/** The facts recorded on a `ticket-<id>` stream. */
export type TicketEvent =
  | TicketIssued
  | TicketActivated
  | TicketTransferred
  | TicketVoided
  | TicketRefunded
  | TicketCheckedIn;
