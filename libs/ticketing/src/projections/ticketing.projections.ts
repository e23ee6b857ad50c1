import type { Projection } from '@ticketing/read-store';
import { ticketRevocationsProjection } from './ticket-revocations.projection';
import { ticketsProjection } from './tickets.projection';

export const ticketingProjections: Projection[] = [ticketsProjection, ticketRevocationsProjection];
