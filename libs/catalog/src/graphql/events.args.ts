import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { EventsFilter } from './events-filter.input';

const MAX_EVENTS_PAGE = 100;

@ArgsType()
export class EventsArgs {
  @Field(() => EventsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EventsFilter)
  filter?: EventsFilter;

  @Field(() => Int, { defaultValue: 20, description: `How many events, 1 to ${MAX_EVENTS_PAGE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_EVENTS_PAGE)
  first!: number;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}
