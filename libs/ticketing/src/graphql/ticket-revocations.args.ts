import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';

const MAX_REVOCATIONS_PAGE = 200;

@ArgsType()
export class TicketRevocationsArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  eventId!: string;

  @Field(() => Int, {
    defaultValue: 0,
    description: 'The `cursor` of the previous pull; 0 for the whole feed.',
  })
  @IsInt()
  @Min(0)
  after!: number;

  @Field(() => Int, { defaultValue: 100, description: `How many revocations, 1 to ${MAX_REVOCATIONS_PAGE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_REVOCATIONS_PAGE)
  first!: number;
}
