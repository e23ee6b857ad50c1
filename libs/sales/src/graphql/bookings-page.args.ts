import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { BookingStatus } from './booking.enums';

const MAX_BOOKINGS_PAGE = 50;

@ArgsType()
export class BookingsPageArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many bookings, 1 to ${MAX_BOOKINGS_PAGE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_BOOKINGS_PAGE)
  first!: number;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

@ArgsType()
export class EventBookingsArgs extends BookingsPageArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  eventId!: string;

  @Field(() => BookingStatus, { nullable: true, description: 'Only the bookings in this status.' })
  @IsOptional()
  @IsIn(Object.values(BookingStatus))
  status?: BookingStatus | null;
}
