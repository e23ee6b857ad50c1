import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, loadSigningKey } from '@ticketing/platform';
import { ActivateDoorTicketHandler } from './application/activate-door-ticket.handler';
import { GetTicketQrHandler } from './application/get-ticket-qr.handler';
import { GetTicketHandler } from './application/get-ticket.handler';
import { IssueCompTicketsHandler } from './application/issue-comp-tickets.handler';
import { ListEventTicketsHandler } from './application/list-event-tickets.handler';
import { ListMyTicketsHandler } from './application/list-my-tickets.handler';
import { ListTicketRevocationsHandler } from './application/list-ticket-revocations.handler';
import { PreGenerateDoorTicketsHandler } from './application/pre-generate-door-tickets.handler';
import { StaffTickets } from './application/staff-tickets';
import { TICKET_QR_KEY } from './application/ticket-qr';
import { EventTicketsResolver } from './graphql/event-tickets.resolver';
import { StaffTicketResolver } from './graphql/staff-ticket.resolver';
import { TicketQueryResolver } from './graphql/ticket-query.resolver';
import { TicketRevocationResolver } from './graphql/ticket-revocation.resolver';

export const ticketingHandlers = [
  GetTicketHandler,
  ListMyTicketsHandler,
  GetTicketQrHandler,
  ListTicketRevocationsHandler,
  ListEventTicketsHandler,
  IssueCompTicketsHandler,
  PreGenerateDoorTicketsHandler,
  ActivateDoorTicketHandler,
];

/**
 * Issued tickets, their QR codes and the revocation feed, and the tickets staff issue themselves (comps, door
 * tickets). Needs the global infrastructure providers (event store, hot-stream executor, read db, config, clock);
 * exports the QR signing key, whose public half the JWKS endpoint publishes.
 */
@Module({
  providers: [
    ...ticketingHandlers,
    StaffTickets,
    TicketQueryResolver,
    TicketRevocationResolver,
    StaffTicketResolver,
    EventTicketsResolver,
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
