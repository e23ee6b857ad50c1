import { Field, GraphQLISODateTime, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EventFormat } from './event.enums';
import { Trim } from '@ticketing/platform';
import { VenueInput } from './venue.input';

@InputType({ description: 'Instants are UTC; the event is shown in its `timeZone`.' })
export class CreateEventInput {
  @Field({ description: '3 to 200 characters.' })
  @Trim()
  @IsString()
  @Length(3, 200)
  title!: string;

  @Field({ description: 'Up to 5000 characters.' })
  @Trim()
  @IsString()
  @MaxLength(5000)
  description!: string;

  @Field(() => EventFormat)
  @IsEnum(EventFormat)
  format!: EventFormat;

  @Field(() => VenueInput, {
    nullable: true,
    description: 'Required for IN_PERSON and HYBRID, refused for ONLINE.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => VenueInput)
  venue?: VenueInput | null;

  @Field(() => GraphQLISODateTime)
  @IsDate()
  startsAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'After `startsAt`.' })
  @IsDate()
  endsAt!: Date;

  @Field({ description: 'An IANA time zone such as Europe/Paris.' })
  @Trim()
  @IsString()
  @Length(1, 64)
  timeZone!: string;

  @Field(() => GraphQLISODateTime)
  @IsDate()
  registrationOpensAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'After `registrationOpensAt`, no later than `endsAt`.' })
  @IsDate()
  registrationClosesAt!: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'At least 1; leave it out when only ticket types limit attendance.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  maxCapacity?: number | null;
}
