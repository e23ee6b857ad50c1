import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, loadSigningKey } from '@ticketing/platform';
import { GetTicketQrHandler } from './application/get-ticket-qr.handler';
import { GetTicketHandler } from './application/get-ticket.handler';
import { ListMyTicketsHandler } from './application/list-my-tickets.handler';
import { ListTicketRevocationsHandler } from './application/list-ticket-revocations.handler';
import { TICKET_QR_KEY } from './application/ticket-qr';
import { TicketQueryResolver } from './graphql/ticket-query.resolver';
import { TicketRevocationResolver } from './graphql/ticket-revocation.resolver';

export const ticketingHandlers = [
  GetTicketHandler,
  ListMyTicketsHandler,
  GetTicketQrHandler,
  ListTicketRevocationsHandler,
];

/**
 * Issued tickets, their QR codes and the revocation feed. Needs the global infrastructure providers (read db, config,
 * clock); exports the QR signing key, whose public half the JWKS endpoint publishes.
 */
@Module({
  providers: [
    ...ticketingHandlers,
    TicketQueryResolver,
    TicketRevocationResolver,
    {
      provide: TICKET_QR_KEY,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        loadSigningKey({ name: 'ticket-qr', jwk: config.ticketQr.signingKeyJwk, dataDir: config.dataDir }),
    },
  ],
  exports: [TICKET_QR_KEY],
})
export class TicketingModule {}
