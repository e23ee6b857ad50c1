import { Field, GraphQLISODateTime, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MoneyInput } from './money.input';
import { Omittable } from './omittable.validator';
import {
  AttendanceMode,
  PricingType,
  SalesChannel,
  TicketTypeAccess,
  TicketTypeVisibility,
} from './ticket-type.enums';
import { Trim, TrimEach } from '@ticketing/platform';

@InputType({ description: 'Fields left out take their default. Instants are UTC.' })
export class CreateTicketTypeInput {
  @Field({ description: '2 to 100 characters; unique per event and attendance mode, whatever the case.' })
  @Trim()
  @IsString()
  @Length(2, 100)
  name!: string;

  @Field({ nullable: true, description: 'Up to 500 characters; empty by default.' })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(500)
  description?: string;

  @Field(() => PricingType)
  @IsEnum(PricingType)
  pricingType!: PricingType;

  @Field(() => MoneyInput, {
    nullable: true,
    description: 'Required above 0 for PAID; 0 or none for FREE; none for DONATION.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  price?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true, description: 'DONATION only: the least a buyer may give.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  minimumDonation?: MoneyInput | null;

  @Field(() => SalesChannel, {
    nullable: true,
    description: 'EVERYWHERE by default; a DONATION is ONLINE_ONLY.',
  })
  @Omittable()
  @IsEnum(SalesChannel)
  salesChannel?: SalesChannel;

  @Field(() => AttendanceMode, { description: 'Must suit the event: only HYBRID events take both.' })
  @IsEnum(AttendanceMode)
  attendanceMode!: AttendanceMode;

  @Field(() => Int, { description: 'The capacity, 1 to 1,000,000.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  totalQuantity!: number;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Not in the past, not before registration opens. Registration opening (or now) by default.',
  })
  @Omittable()
  @IsDate()
  salesStartsAt?: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'At least 30 minutes after the start, no later than registration closes (the default).',
  })
  @Omittable()
  @IsDate()
  salesEndsAt?: Date;

  @Field(() => Int, { nullable: true, description: 'At least 1 (the default).' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(100)
  minPerOrder?: number;

  @Field(() => Int, {
    nullable: true,
    description: '1 to 100, at least minPerOrder; 10 by default, 1 for a DONATION.',
  })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(100)
  maxPerOrder?: number;

  @Field(() => Int, { nullable: true, description: '1 to 1000, at least maxPerOrder (the default).' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxPerUser?: number;

  @Field(() => TicketTypeVisibility, { nullable: true, description: 'VISIBLE by default.' })
  @Omittable()
  @IsEnum(TicketTypeVisibility)
  visibility?: TicketTypeVisibility;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Required for CUSTOM_SCHEDULE, refused otherwise.',
  })
  @IsOptional()
  @IsDate()
  visibilityStartsAt?: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Required for CUSTOM_SCHEDULE, after its start.',
  })
  @IsOptional()
  @IsDate()
  visibilityEndsAt?: Date | null;

  @Field(() => TicketTypeAccess, { nullable: true, description: 'PUBLIC by default.' })
  @Omittable()
  @IsEnum(TicketTypeAccess)
  access?: TicketTypeAccess;

  @Field(() => [String], { nullable: true, description: 'Up to 50 perks, each 1 to 200 characters.' })
  @Omittable()
  @TrimEach()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  inclusiveItems?: string[];

  @Field({ nullable: true, description: 'False by default.' })
  @Omittable()
  @IsBoolean()
  allowReentry?: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Total scans allowed, the first included; needs allowReentry. None means unlimited.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  reentryLimit?: number | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Up to 50 scan point names; empty (the default) means any.',
  })
  @Omittable()
  @TrimEach()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  acceptedScanPoints?: string[];

  @Field({ nullable: true, description: 'True by default.' })
  @Omittable()
  @IsBoolean()
  transferable?: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Up to 1000 characters, shown to buyers before they pay.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  refundPolicy?: string | null;
}
