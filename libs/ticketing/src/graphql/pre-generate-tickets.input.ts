import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { MAX_DOOR_TICKETS_PER_CALL } from '../domain/staff-tickets';

@InputType()
export class PreGenerateTicketsInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  eventId!: string;

  @Field(() => ID, { description: 'A ticket type sold EVERYWHERE or AT_DOOR_ONLY.' })
  @IsString()
  @MaxLength(100)
  ticketTypeId!: string;

  @Field(() => Int, { description: `How many door tickets, 1 to ${MAX_DOOR_TICKETS_PER_CALL}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_DOOR_TICKETS_PER_CALL)
  quantity!: number;

  @Field({
    description: 'Chosen by the client per call: sending it again returns the same tickets, never more.',
  })
  @Length(8, 100)
  idempotencyKey!: string;
}
