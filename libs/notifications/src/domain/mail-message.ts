/** One plain-text e-mail, addressed and identified, as every transport takes it. */
export interface MailMessage {
  /** The Message-ID header, angle brackets included. */
  messageId: string;
  from: string;
  to: { email: string; name: string };
  subject: string;
  text: string;
}

/**
 * The Message-ID of a notification's e-mail: the same every time it is sent, so a message sent again after a crash
 * is recognisable as the one already delivered (and mail clients thread or drop it as a duplicate).
 *
 * @example
 * messageIdFor('5f0c…', 'tickets@example.com'); // '<5f0c….tickets-issued@example.com>'
 */
export function messageIdFor(notificationId: string, from: string): string {
  const domain = from.slice(from.lastIndexOf('@') + 1) || 'localhost';
  return `<${notificationId}.tickets-issued@${domain}>`;
}
