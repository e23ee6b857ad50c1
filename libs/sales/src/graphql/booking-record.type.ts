import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { BookingStatusChangeType } from './booking-status-change.type';
import { BookingType } from './booking.type';

@ObjectType('BookingRecord', {
  description: 'A booking as it stands now, with every status it went through. Instants are UTC.',
})
export class BookingRecordType extends BookingType {
  @Field(() => GraphQLISODateTime)
  placedAt!: Date;

  @Field(() => [BookingStatusChangeType], { description: 'Oldest first.' })
  statusHistory!: BookingStatusChangeType[];
}
