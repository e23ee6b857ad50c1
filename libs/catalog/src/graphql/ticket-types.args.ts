import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '@ticketing/platform';

@ArgsType()
export class TicketTypesArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  eventId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Shows the INVITE_ONLY ticket types this code unlocks.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(32)
  accessCode?: string;
}
