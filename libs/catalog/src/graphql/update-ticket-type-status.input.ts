import { Field, InputType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { TicketTypeStatus } from './ticket-type.enums';

@InputType()
export class UpdateTicketTypeStatusInput {
  @Field(() => TicketTypeStatus, {
    description: 'ACTIVE, INACTIVE (paused) or CLOSED (final); SOLD_OUT and DELETED are not set by hand.',
  })
  @IsEnum(TicketTypeStatus)
  status!: TicketTypeStatus;
}
