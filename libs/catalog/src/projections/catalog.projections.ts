import type { Projection } from '@ticketing/read-store';
import { accessCodeProjection } from './access-code.projection';
import { eventListingProjection } from './event-listing.projection';
import { inventoryProjection } from './inventory';
import { ticketTypeListingProjection } from './ticket-type-listing.projection';

export const catalogProjections: Projection[] = [
  eventListingProjection,
  ticketTypeListingProjection,
  accessCodeProjection,
  inventoryProjection,
];
