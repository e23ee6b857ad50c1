import type { AppConfig } from '@ticketing/platform';
import { LoggingMailTransport } from './logging-mail.transport';
import type { MailTransport } from './mail-transport';
import { SmtpMailTransport } from './smtp-mail.transport';

/** SMTP when `SMTP_URL` is set; otherwise the log, so the embedded mode needs no mail server. */
export function createMailTransport(config: AppConfig): MailTransport {
  const { smtpUrl } = config.notifications;
  return smtpUrl ? new SmtpMailTransport(smtpUrl) : new LoggingMailTransport();
}
