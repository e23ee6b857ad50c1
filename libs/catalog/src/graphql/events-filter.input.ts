import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { EventStatus } from './event.enums';

@InputType()
export class EventsFilter {
  @Field(() => EventStatus, { nullable: true })
  @IsOptional()
  @IsEnum(EventStatus)
  status?: EventStatus;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Events starting at or after this instant.',
  })
  @IsOptional()
  @IsDate()
  startsAfter?: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Events starting strictly before this instant.',
  })
  @IsOptional()
  @IsDate()
  startsBefore?: Date;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  organizerId?: string;
}
