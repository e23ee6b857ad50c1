import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { MAX_COMPS_PER_CALL } from '../domain/staff-tickets';
import { TicketHolderInput } from './ticket-holder.input';
import { Trim } from '@ticketing/platform';

@InputType()
export class IssueCompTicketsInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  eventId!: string;

  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  ticketTypeId!: string;

  @Field(() => [TicketHolderInput], { description: `One comp per holder, 1 to ${MAX_COMPS_PER_CALL}.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COMPS_PER_CALL)
  @ValidateNested({ each: true })
  @Type(() => TicketHolderInput)
  holders!: TicketHolderInput[];

  @Field({ description: 'Why they are given (speakers, press...), kept on each ticket.' })
  @Trim()
  @IsString()
  @Length(1, 500)
  note!: string;

  @Field({
    description: 'Chosen by the client per call: sending it again returns the same tickets, never more.',
  })
  @Length(8, 100)
  idempotencyKey!: string;
}
