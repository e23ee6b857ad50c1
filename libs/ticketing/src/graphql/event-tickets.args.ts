import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MyTicketsArgs } from './my-tickets.args';
import { TicketKind, TicketStatus } from './ticket.enums';

@ArgsType()
export class EventTicketsArgs extends MyTicketsArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  eventId!: string;

  @Field(() => TicketKind, { nullable: true, description: 'Only the tickets of this kind.' })
  @IsOptional()
  @IsIn(Object.values(TicketKind))
  kind?: TicketKind | null;

  @Field(() => TicketStatus, { nullable: true, description: 'Only the tickets in this status.' })
  @IsOptional()
  @IsIn(Object.values(TicketStatus))
  status?: TicketStatus | null;
}
