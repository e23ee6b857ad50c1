import { Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDate,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PromoDiscountInput } from './promo-discount.input';

const MAX_USES = 10_000_000;

@InputType()
export class CreatePromoCodeInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  eventId!: string;

  @Field({ description: '3 to 32 letters, digits, dashes or underscores; any case, stored upper-case.' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @Matches(/^[A-Za-z0-9_-]{3,32}$/, {
    message: 'code must be 3 to 32 letters, digits, dashes or underscores',
  })
  code!: string;

  @Field(() => PromoDiscountInput)
  @ValidateNested()
  @Type(() => PromoDiscountInput)
  discount!: PromoDiscountInput;

  @Field(() => [ID], {
    nullable: true,
    description: "The event's ticket types it takes money off, up to 50; empty or left out: all of them.",
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  ticketTypeIds?: string[] | null;

  @Field(() => Int, {
    nullable: true,
    description: `How many bookings may use it, 1 to ${MAX_USES}; left out: no maximum.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_USES)
  maxUses?: number | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: "Accepted from this instant on; left out: from the event's registration opening.",
  })
  @IsOptional()
  @IsDate()
  validFrom?: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: "Refused from this instant on; left out: from the event's registration closing.",
  })
  @IsOptional()
  @IsDate()
  validUntil?: Date | null;
}
