import { hasLiveQr, TicketStatus } from './ticket-status';

describe('which tickets get a QR code', () => {
  it.each([
    [TicketStatus.ACTIVE, true],
    [TicketStatus.UNACTIVATED, false],
    [TicketStatus.VOIDED, false],
    [TicketStatus.REFUNDED, false],
  ])('a %s ticket: %p, since only an active ticket admits anyone', (status, live) => {
    expect(hasLiveQr(status)).toBe(live);
  });
});
