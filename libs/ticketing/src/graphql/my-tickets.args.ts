import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const MAX_TICKETS_PAGE = 100;

@ArgsType()
export class MyTicketsArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many tickets, 1 to ${MAX_TICKETS_PAGE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_TICKETS_PAGE)
  first!: number;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}
