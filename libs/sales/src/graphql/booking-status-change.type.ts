import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { BookingStatus } from './booking.enums';

@ObjectType('BookingStatusChange')
export class BookingStatusChangeType {
  @Field(() => BookingStatus, {
    nullable: true,
    description: 'Null for the first status, when it was placed.',
  })
  previousStatus!: BookingStatus | null;

  @Field(() => BookingStatus)
  status!: BookingStatus;

  @Field(() => GraphQLISODateTime)
  changedAt!: Date;
}
