import type { TicketEvent } from './ticket.events';

export const RevocationReason = {
  TRANSFERRED: 'TRANSFERRED',
  VOIDED: 'VOIDED',
  REFUNDED: 'REFUNDED',
} as const;
export type RevocationReason = (typeof RevocationReason)[keyof typeof RevocationReason];

/** Every QR code of `ticketId` signed for a version up to `qrVersion` no longer admits anyone. */
export interface QrRevocation {
  ticketId: string;
  eventId: string;
  qrVersion: number;
  reason: RevocationReason;
  revokedAt: string;
}

/**
 * What an offline scanner must stop accepting after `event`, or null. A transfer revokes the old holder's code and
 * leaves the new one valid; a void or refund revokes the current code, after which no later one is ever signed.
 */
export function qrRevocationFor(event: TicketEvent): QrRevocation | null {
  const { ticketId, eventId } = event.data;
  switch (event.type) {
    case 'TicketTransferred':
      return {
        ticketId,
        eventId,
        qrVersion: event.data.revokedQrVersion,
        reason: RevocationReason.TRANSFERRED,
        revokedAt: event.data.transferredAt,
      };
    case 'TicketVoided':
      return {
        ticketId,
        eventId,
        qrVersion: event.data.qrVersion,
        reason: RevocationReason.VOIDED,
        revokedAt: event.data.voidedAt,
      };
    case 'TicketRefunded':
      return {
        ticketId,
        eventId,
        qrVersion: event.data.qrVersion,
        reason: RevocationReason.REFUNDED,
        revokedAt: event.data.refundedAt,
      };
    case 'TicketIssued':
    case 'TicketActivated':
    case 'TicketCheckedIn':
      return null;
  }
}
