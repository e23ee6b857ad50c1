import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '@ticketing/platform';

@ArgsType()
export class TicketTypeArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Needed to see an INVITE_ONLY ticket type.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(32)
  accessCode?: string;
}
