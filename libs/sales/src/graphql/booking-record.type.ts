import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { BookingAmountsType } from './booking-amounts.type';
import { BookingStatus } from './booking.enums';
import { BookingLineType } from './booking-line.type';
import { BookingStatusChangeType } from './booking-status-change.type';

@ObjectType('BookingRecord', {
  description: 'A booking as it stands now, with every status it went through. Instants are UTC.',
})
export class BookingRecordType {
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

  @Field(() => GraphQLISODateTime, { description: 'Until when a PENDING booking holds its tickets.' })
  expiresAt!: Date;

  @Field(() => GraphQLISODateTime)
  placedAt!: Date;

  @Field(() => [BookingStatusChangeType], { description: 'Oldest first.' })
  statusHistory!: BookingStatusChangeType[];
}
