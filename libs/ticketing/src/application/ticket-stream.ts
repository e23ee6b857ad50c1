import { streamName } from '@ticketing/event-store';

/** `ticket-<id>`: one stream per ticket, so each is transferred, voided or checked in without contending. */
export const ticketStream = (ticketId: string) => streamName('ticket', ticketId);
