import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ticketing/platform';
import { MAIL_TRANSPORT } from './application/mail-transport';
import { createMailTransport } from './application/mail-transport.factory';
import { NotificationSender } from './application/notification-sender';

/**
 * Messages to ticket holders, sent from the outbox that `notificationsProjections` fill. Needs the global
 * infrastructure providers (read db, config, clock).
 */
@Module({
  providers: [
    NotificationSender,
    {
      provide: MAIL_TRANSPORT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createMailTransport(config),
    },
  ],
})
export class NotificationsModule {}
