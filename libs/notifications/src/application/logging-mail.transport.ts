import { Logger } from '@nestjs/common';
import type { MailMessage } from '../domain/mail-message';
import type { MailTransport } from './mail-transport';

/** Without `SMTP_URL`, as in the embedded mode: each message is written to the log instead of being sent. */
export class LoggingMailTransport implements MailTransport {
  readonly description = 'the log (SMTP_URL is not set)';
  private readonly logger = new Logger('Mail');

  async send(message: MailMessage): Promise<void> {
    this.logger.log(
      [
        `Message-ID: ${message.messageId}`,
        `From: ${message.from}`,
        `To: ${message.to.name} <${message.to.email}>`,
        `Subject: ${message.subject}`,
        '',
        message.text,
      ].join('\n'),
    );
  }

  close(): void {}
}
