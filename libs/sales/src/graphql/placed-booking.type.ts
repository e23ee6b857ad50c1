import { Field, ObjectType } from '@nestjs/graphql';
import { BookingType } from './booking.type';

@ObjectType()
export class PlacedBooking {
  @Field(() => BookingType)
  booking!: BookingType;

  @Field(() => String, {
    nullable: true,
    description:
      'Completes the payment with Stripe.js; null when nothing is to be paid or the gateway needs nothing.',
  })
  clientSecret!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A guest's key to this booking (keep it: it is shown once); null for a signed-in buyer.",
  })
  accessToken!: string | null;
}
