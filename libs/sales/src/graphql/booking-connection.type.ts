import { Field, ObjectType } from '@nestjs/graphql';
import { BookingRecordType } from './booking-record.type';

@ObjectType('BookingEdge')
export class BookingEdgeType {
  @Field({ description: 'Pass it as `after` to continue after this booking.' })
  cursor!: string;

  @Field(() => BookingRecordType)
  node!: BookingRecordType;
}

@ObjectType('BookingPageInfo')
export class BookingPageInfoType {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Null when the page is empty.' })
  endCursor!: string | null;
}

@ObjectType('BookingConnection', { description: 'A page of bookings, the most recently placed first.' })
export class BookingConnectionType {
  @Field(() => [BookingEdgeType])
  edges!: BookingEdgeType[];

  @Field(() => BookingPageInfoType)
  pageInfo!: BookingPageInfoType;
}
