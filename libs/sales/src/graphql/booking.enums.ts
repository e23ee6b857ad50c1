import { registerEnumType } from '@nestjs/graphql';
import { BookingStatus } from '../domain/booking/booking-status';

registerEnumType(BookingStatus, {
  name: 'BookingStatus',
  description:
    'PENDING holds the tickets until `expiresAt` for the payment; CONFIRMED is paid (or free) and ticketed.',
});

// Types and inputs import the enum from here, so it is registered wherever the schema uses it.
export { BookingStatus };
