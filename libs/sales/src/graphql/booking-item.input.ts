import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { DonationInput } from './donation.input';

@InputType()
export class BookingItemInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  ticketTypeId!: string;

  @Field(() => Int, { description: "At least 1; the ticket type's per-order limits apply." })
  @IsInt()
  @Min(1)
  quantity!: number;

  @Field(() => DonationInput, {
    nullable: true,
    description: 'Only for a DONATION ticket type: at least its minimum donation.',
  })
  @ValidateNested()
  @Type(() => DonationInput)
  donation?: DonationInput | null;
}
