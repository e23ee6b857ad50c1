import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class CancelBookingArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  bookingId!: string;

  @Field({ description: 'Why, as the booking history and the buyer will read it.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @Field(() => String, { nullable: true, description: "A guest's booking access token, from placeBooking." })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  accessToken?: string | null;
}
