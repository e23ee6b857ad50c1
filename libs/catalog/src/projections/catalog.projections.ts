import type { Projection } from '@ticketing/read-store';
import { eventListingProjection } from './event-listing.projection';

export const catalogProjections: Projection[] = [eventListingProjection];
