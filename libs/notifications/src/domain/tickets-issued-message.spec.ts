import { messageIdFor } from './mail-message';
import { ticketsIssuedMessage, type TicketsIssuedNotice } from './tickets-issued-message';

const notice: TicketsIssuedNotice = {
  notificationId: '0b9a6a4e-3f55-5f62-9d1c-7d1f2c1b0a11',
  recipient: { email: 'ada@example.com', name: 'Ada Lovelace' },
  event: {
    title: 'Harbour Lights Festival',
    startsAt: new Date('2026-07-10T16:00:00Z'),
    timeZone: 'Europe/Lisbon',
    venueName: 'Pier 9',
    venueCity: 'Lisbon',
  },
  tickets: [
    { ticketId: 'ticket-1', ticketTypeName: 'General' },
    { ticketId: 'ticket-2', ticketTypeName: 'General' },
    { ticketId: 'ticket-3', ticketTypeName: 'VIP' },
  ],
};

describe('the tickets issued e-mail', () => {
  it("names the event in its subject and lists every ticket by type and id, with the event's local time", () => {
    const message = ticketsIssuedMessage(notice, 'tickets@harbour.example');

    expect(message).toEqual({
      messageId: '<0b9a6a4e-3f55-5f62-9d1c-7d1f2c1b0a11.tickets-issued@harbour.example>',
      from: 'tickets@harbour.example',
      to: { email: 'ada@example.com', name: 'Ada Lovelace' },
      subject: 'Your tickets for Harbour Lights Festival',
      text: [
        'Hello Ada Lovelace,',
        '',
        'Your 3 tickets for Harbour Lights Festival:',
        '',
        '- General: ticket ticket-1',
        '- General: ticket ticket-2',
        '- VIP: ticket ticket-3',
        '',
        'When: Friday 10 July 2026, 17:00 (Europe/Lisbon)',
        'Where: Pier 9, Lisbon',
        '',
        'Each ticket is in "My tickets" under its number above, with the QR code to show at the entrance.',
        '',
      ].join('\n'),
    });
  });

  it('still lists the tickets when the catalog knows neither the event nor a ticket type', () => {
    const message = ticketsIssuedMessage(
      { ...notice, event: null, tickets: [{ ticketId: 'ticket-9', ticketTypeName: null }] },
      'tickets@harbour.example',
    );

    expect(message.subject).toBe('Your tickets');
    expect(message.text).toContain('Your ticket:\n\n- Ticket: ticket ticket-9\n');
  });

  it('the same notification always gets the same Message-ID, so a copy sent again is recognisable', () => {
    expect(messageIdFor(notice.notificationId, 'tickets@harbour.example')).toBe(
      messageIdFor(notice.notificationId, 'tickets@harbour.example'),
    );
    expect(messageIdFor(notice.notificationId, 'tickets@localhost')).toBe(
      `<${notice.notificationId}.tickets-issued@localhost>`,
    );
  });
});
