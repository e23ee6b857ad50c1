import type { Projection } from '@ticketing/read-store';
import { bookingHistoryProjection } from './booking-history.projection';

export const salesProjections: Projection[] = [bookingHistoryProjection];
