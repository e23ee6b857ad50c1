import { type MailMessage, messageIdFor } from './mail-message';

/** What the holder is told: who they are, which event, and each ticket with its type's name when the catalog has it. */
export interface TicketsIssuedNotice {
  notificationId: string;
  recipient: { email: string; name: string };
  /** Null when the catalog does not know the event: the message still lists the tickets. */
  event: {
    title: string;
    startsAt: Date;
    timeZone: string;
    venueName: string | null;
    venueCity: string | null;
  } | null;
  tickets: { ticketId: string; ticketTypeName: string | null }[];
}

/**
 * The "tickets issued" e-mail: a subject naming the event, and a plain-text body listing every ticket by its type and
 * its id, the id being what the holder's ticket list and the `ticket(id)` query (with its QR code) answer to.
 *
 * @example
 * const message = ticketsIssuedMessage(notice, 'tickets@example.com');
 * await transport.send(message);
 */
export function ticketsIssuedMessage(notice: TicketsIssuedNotice, from: string): MailMessage {
  const { recipient, event, tickets } = notice;
  const count = tickets.length === 1 ? 'Your ticket' : `Your ${tickets.length} tickets`;
  const lines = [
    `Hello ${recipient.name},`,
    '',
    event ? `${count} for ${event.title}:` : `${count}:`,
    '',
    ...tickets.map(({ ticketId, ticketTypeName }) => `- ${ticketTypeName ?? 'Ticket'}: ticket ${ticketId}`),
    '',
    ...(event ? [`When: ${whenOf(event)}`, ...whereOf(event), ''] : []),
    'Each ticket is in "My tickets" under its number above, with the QR code to show at the entrance.',
    '',
  ];
  return {
    messageId: messageIdFor(notice.notificationId, from),
    from,
    to: recipient,
    subject: event ? `Your tickets for ${event.title}` : 'Your tickets',
    text: lines.join('\n'),
  };
}

/** In the event's own time zone, since that is where the holder will be; built from parts, whatever the ICU data. */
function whenOf(event: { startsAt: Date; timeZone: string }): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: event.timeZone,
  }).formatToParts(event.startsAt);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
  return `${date}, ${part('hour')}:${part('minute')} (${event.timeZone})`;
}

function whereOf(event: { venueName: string | null; venueCity: string | null }): string[] {
  const place = [event.venueName, event.venueCity].filter((part): part is string => Boolean(part));
  return place.length > 0 ? [`Where: ${place.join(', ')}`] : [];
}
