import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { BookingItemInput } from './booking-item.input';
import { GuestInput } from './guest.input';

@InputType()
export class PlaceBookingInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  eventId!: string;

  @Field(() => [BookingItemInput], {
    description: "1 to 20 of the event's ticket types, held together or not at all.",
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => BookingItemInput)
  items!: BookingItemInput[];

  @Field(() => GuestInput, {
    nullable: true,
    description: 'Required when not signed in; ignored when signed in.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => GuestInput)
  guest?: GuestInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  promoCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Unlocks INVITE_ONLY ticket types.' })
  @IsOptional()
  @Length(1, 64)
  accessCode?: string | null;

  @Field({
    description:
      'Chosen by the client per checkout: sending it again returns the same booking, never a second one.',
  })
  @Length(8, 100)
  idempotencyKey!: string;
}
