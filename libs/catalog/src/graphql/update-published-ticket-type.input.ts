import { Field, InputType, PickType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { CreateTicketTypeInput } from './create-ticket-type.input';
import { Omittable } from './omittable.validator';
import { TicketTypeStatus } from './ticket-type.enums';

/** What may change once the event is published; fields left out stay as they are. */
@InputType()
export class UpdatePublishedTicketTypeInput extends PickType(CreateTicketTypeInput, [
  'visibility',
  'visibilityStartsAt',
  'visibilityEndsAt',
  'inclusiveItems',
]) {
  @Field(() => TicketTypeStatus, { nullable: true, description: 'ACTIVE, INACTIVE or CLOSED.' })
  @Omittable()
  @IsEnum(TicketTypeStatus)
  status?: TicketTypeStatus;
}
