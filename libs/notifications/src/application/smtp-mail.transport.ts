import { createTransport, type Transporter } from 'nodemailer';
import type { MailMessage } from '../domain/mail-message';
import type { MailTransport } from './mail-transport';

/**
 * Bounds on every step of the SMTP conversation, all well inside the sender's claim lease: a send still hanging when
 * the lease ran out could be taken over by another process and sent twice.
 */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * Sends through the SMTP server of `SMTP_URL` (`smtp://` with STARTTLS when offered, `smtps://` for implicit TLS).
 *
 * @example
 * const transport = new SmtpMailTransport('smtp://user:secret@mail.example.com:587');
 * await transport.send(message);
 */
export class SmtpMailTransport implements MailTransport {
  readonly description: string;
  private readonly transporter: Transporter;

  constructor(smtpUrl: string) {
    const url = new URL(smtpUrl);
    // Never the credentials: the description goes to the logs.
    this.description = `SMTP ${url.protocol}//${url.host}`;
    this.transporter = createTransport({ url: smtpUrl, ...TIMEOUTS });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transporter.sendMail({
      messageId: message.messageId,
      from: message.from,
      to: { name: message.to.name, address: message.to.email },
      subject: message.subject,
      text: message.text,
    });
  }

  close(): void {
    this.transporter.close();
  }
}
