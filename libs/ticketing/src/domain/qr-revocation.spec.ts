import { qrRevocationFor, RevocationReason } from './qr-revocation';
import type { TicketEvent } from './ticket.events';

const on = { ticketId: 't1', eventId: 'e1' };
const at = '2026-06-01T10:00:00.000Z';
const holder = { userId: null, email: 'ada@example.com', name: 'Ada' };

describe('which QR codes a fact revokes', () => {
  it("a transfer revokes the old holder's version, not the new holder's", () => {
    const transferred: TicketEvent = {
      type: 'TicketTransferred',
      data: {
        ...on,
        from: holder,
        to: { ...holder, email: 'b@example.com' },
        revokedQrVersion: 2,
        qrVersion: 3,
        transferredAt: at,
      },
    };
    expect(qrRevocationFor(transferred)).toEqual({
      ...on,
      qrVersion: 2,
      reason: RevocationReason.TRANSFERRED,
      revokedAt: at,
    });
  });

  it.each([
    [
      RevocationReason.VOIDED,
      {
        type: 'TicketVoided',
        data: { ...on, bookingId: 'b1', reason: 'Cancelled', qrVersion: 3, voidedAt: at },
      },
    ],
    [
      RevocationReason.REFUNDED,
      {
        type: 'TicketRefunded',
        data: { ...on, bookingId: 'b1', refundRef: 're_1', qrVersion: 3, refundedAt: at },
      },
    ],
  ] as [RevocationReason, TicketEvent][])(
    '%s revokes the current version, the last ever signed',
    (reason, event) => {
      expect(qrRevocationFor(event)).toEqual({ ...on, qrVersion: 3, reason, revokedAt: at });
    },
  );

  it('a check-in revokes nothing: the holder may still show the code', () => {
    expect(
      qrRevocationFor({ type: 'TicketCheckedIn', data: { ...on, qrVersion: 1, checkedInAt: at } }),
    ).toBeNull();
  });
});
