import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { APP_CONFIG, type AppConfig, Clock, type SigningKey } from '@ticketing/platform';
import { hasLiveQr } from '../domain/ticket-status';
import { renderTicketQr, type TicketQrImage } from './ticket-qr-image';
import { signTicketQr, TICKET_QR_KEY } from './ticket-qr';
import type { TicketView } from './ticket.queries';

export interface TicketQr extends TicketQrImage {
  /** The signed payload the image encodes, for clients that draw their own code. */
  payload: string;
}

/** The QR code of a ticket the caller may already see; signed afresh each time, since signing is cheap. */
export class GetTicketQrQuery extends Query<TicketQr | null> {
  constructor(readonly ticket: TicketView) {
    super();
  }
}

@QueryHandler(GetTicketQrQuery)
export class GetTicketQrHandler implements IQueryHandler<GetTicketQrQuery> {
  constructor(
    @Inject(TICKET_QR_KEY) private readonly key: SigningKey,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async execute({ ticket }: GetTicketQrQuery): Promise<TicketQr | null> {
    if (!hasLiveQr(ticket.status)) return null;
    const { id: ticketId, eventId, ticketTypeId, qrVersion } = ticket;
    const payload = await signTicketQr(
      this.key,
      this.config.auth.issuer,
      { ticketId, eventId, ticketTypeId, qrVersion },
      this.clock.now(),
    );
    return { payload, ...(await renderTicketQr(payload)) };
  }
}
