import type { MailMessage } from '../domain/mail-message';

/**
 * Where messages leave the process. `send` resolves once the receiving server has accepted the message (SMTP 250)
 * and rejects otherwise; the outbox's sender decides what a failure means.
 */
export interface MailTransport {
  /** How the sender's logs name it. */
  readonly description: string;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
