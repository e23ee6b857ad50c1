import { Field, ID, ObjectType } from '@nestjs/graphql';
import { BookingAmountsType } from './booking-amounts.type';
import { BookingStatus } from './booking.enums';
import { BookingLineType } from './booking-line.type';

@ObjectType('Booking')
export class BookingType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  eventId!: string;

  @Field(() => BookingStatus)
  status!: BookingStatus;

  @Field(() => [BookingLineType])
  items!: BookingLineType[];

  @Field(() => BookingAmountsType)
  amounts!: BookingAmountsType;

  @Field({ description: 'Until when a PENDING booking holds its tickets.' })
  expiresAt!: Date;
}
