import type { Projection } from '@ticketing/read-store';
import { ticketsIssuedOutboxProjection } from './tickets-issued-outbox.projection';

export const notificationsProjections: Projection[] = [ticketsIssuedOutboxProjection];
