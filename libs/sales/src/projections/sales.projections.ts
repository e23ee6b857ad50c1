import type { Projection } from '@ticketing/read-store';
import { bookingHistoryProjection } from './booking-history.projection';
import { bookingHoldsProjection } from './booking-holds.projection';

export const salesProjections: Projection[] = [bookingHistoryProjection, bookingHoldsProjection];
